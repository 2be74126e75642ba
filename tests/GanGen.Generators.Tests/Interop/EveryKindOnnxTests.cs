using System;
using System.IO;
using System.Linq;
using GanGen.Generators.Catalog;
using GanGen.Generators.Tests.Catalog;
using GanGen.Generators.Validation;
using GanGen.Tests.Interop.Onnx;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Generators.Tests.Interop;

/// <summary>
/// Every kind of the step catalog exported to ONNX and run in ONNX Runtime: the minimal GAN of
/// <see cref="EveryKindTests"/> (its generator uses the kind, or its critic for a discriminator-only kind) trains two
/// steps, so batch-norm statistics, spectral-norm vectors and weights leave their initial values, exports both
/// networks with <c>ExportOnnx</c>, and ONNX Runtime must give what TorchSharp's <c>Generate</c> and evaluation-mode
/// discriminator give on the same inputs within 1e-5. Batches of 8: minibatch standard deviation takes groups of 4.
/// The table is the catalog itself.
/// </summary>
public sealed class EveryKindOnnxTests : OnnxExportTestBase
{
    public EveryKindOnnxTests(ITestOutputHelper output) : base(output)
    {
    }

    public static TheoryData<string> Kinds => EveryKindTests.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Kind_exported_to_onnx_runs_in_onnx_runtime_as_in_torchsharp(string name)
    {
        var kind = StepCatalog.All.Single(k => k.Name == name);
        var (input, output, attribute) = EveryKindTests.Fit(kind);
        using var gan = CompiledGan.Create(EveryKindTests.Declaration(kind, input, output, attribute), "Demo.KindGan");
        gan.Train(2);
        gan.Perturb(0.1);
        using var folder = new TemporaryFolder("kind-onnx");
        gan.ExportOnnx(folder.File("generator.onnx"), folder.File("discriminator.onnx"));

        using var scope = NewDisposeScope();
        var noise = randn(8, Shapes.Product(input));
        var expected = gan.Generate(noise, null);
        AssertClose(name + " generator", expected, OnnxRuntimeRunner.RunOnce(File.ReadAllBytes(folder.File("generator.onnx")), ("noise", noise)));

        var samples = randn(new long[] { 8 }.Concat(gan.Config.DataShape).ToArray());
        var (scores, _) = gan.Discriminate(samples, null);
        AssertClose(name + " discriminator", scores, OnnxRuntimeRunner.RunOnce(File.ReadAllBytes(folder.File("discriminator.onnx")), ("samples", samples)));
    }
}
