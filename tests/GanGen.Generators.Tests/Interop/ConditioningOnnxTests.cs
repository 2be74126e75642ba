using System.IO;
using System.Linq;
using GanGen.Tests.Interop.Onnx;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Generators.Tests.Interop;

/// <summary>
/// Every conditioning mode (one-hot and embedded labels joined to noise, flat samples and images; conditional batch
/// norm; projection; AC-GAN's class head), a refiner against a patch map, packing with a moving average, spectral norm
/// on every kind of weight layer with minibatch layers on images and features, and non-default layer arguments: both
/// networks exported with <c>ExportOnnx</c> must give in ONNX Runtime what TorchSharp gives in evaluation mode on the
/// same inputs (batches of 8), within 1e-5.
/// </summary>
public sealed class ConditioningOnnxTests : OnnxExportTestBase
{
    public ConditioningOnnxTests(ITestOutputHelper output) : base(output)
    {
    }

    public static TheoryData<string> Declarations => new(InteropDeclarations.All.Keys.OrderBy(name => name, System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Both_networks_run_in_onnx_runtime_as_in_torchsharp(string name)
    {
        using var gan = CompiledGan.Create(InteropDeclarations.All[name], "Demo." + name);
        gan.Train(3);
        gan.Perturb(0.1);
        using var folder = new TemporaryFolder("conditioning-onnx");
        gan.ExportOnnx(folder.File("generator.onnx"), folder.File("discriminator.onnx"));
        using var scope = NewDisposeScope();
        var config = gan.Config;
        var labels = config.IsConditional ? randint(0, config.Classes, new long[] { 8 }) : null;

        var input = config.IsRefiner ? randn(new long[] { 8 }.Concat(config.DataShape).ToArray()) : randn(8, config.LatentSize);
        using (var generator = new OnnxRuntimeRunner(File.ReadAllBytes(folder.File("generator.onnx"))))
        {
            var feeds = labels is null ? new[] { (config.IsRefiner ? "source" : "noise", input) } : new[] { ("noise", input), ("labels", labels) };
            AssertClose($"{name} generator", gan.Sample(input, labels), generator.Run(feeds));
        }

        // The discriminator takes packed samples: Pack of them joined along the first data dimension.
        var packed = config.DataShape.ToArray();
        packed[0] *= config.Pack;
        var samples = randn(new long[] { 8 }.Concat(packed).ToArray());
        var (scores, classLogits) = gan.Discriminate(samples, labels);
        using var discriminator = new OnnxRuntimeRunner(File.ReadAllBytes(folder.File("discriminator.onnx")));
        var inputs = labels is null || classLogits is not null ? new[] { ("samples", samples) } : new[] { ("samples", samples), ("labels", labels) };
        AssertClose($"{name} discriminator scores", scores, discriminator.RunFor("scores", inputs));
        if (classLogits is not null)
            AssertClose($"{name} discriminator class logits", classLogits, discriminator.RunFor("class_logits", inputs));
    }

    [Fact]
    public void The_exported_generator_samples_with_the_moving_average()
    {
        using var gan = CompiledGan.Create(InteropDeclarations.All["PackedGan"], "Demo.PackedGan");
        gan.Train(4);
        using var folder = new TemporaryFolder("average-onnx");
        gan.ExportOnnx(folder.File("generator.onnx"));
        using var scope = NewDisposeScope();
        var noise = randn(6, gan.Config.LatentSize);
        var exported = OnnxRuntimeRunner.RunOnce(File.ReadAllBytes(folder.File("generator.onnx")), ("noise", noise));

        // The raw generator differs from its average after four updates, so equality with Generate shows which one was exported.
        Tensor raw;
        using (no_grad())
        {
            gan.Generator.eval();
            raw = ((nn.Module<Tensor, Tensor>)gan.Generator).forward(noise);
            gan.Generator.train();
        }
        AssertClose("averaged generator", gan.Generate(noise, null), exported);
        Assert.True((raw - exported).abs().max().item<float>() > 1e-4, "the export used the raw weights, not their moving average");
    }
}
