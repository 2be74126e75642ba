using System.IO;
using GanGen.Examples.Models;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>
/// The exported graph guards its label input itself: a label outside 0…classes−1 makes ONNX Runtime fail the run
/// instead of Gather reading −1 as the last class (what the graph did before) or answering for a class that does
/// not exist. A label inside the range gives TorchSharp's sample.
/// </summary>
public sealed class OnnxLabelRangeTests : TemporaryFolderTests
{
    public OnnxLabelRangeTests() : base("gangen-onnx-labels")
    {
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(-10L)]
    [InlineData(-11L)]
    [InlineData(10L)]
    public void A_label_outside_the_classes_fails_the_run_in_every_lookup(long label)
    {
        using var gan = new ConditionalDcgan(seed: 1);
        string model = PathOf("generator.onnx"), discriminator = PathOf("discriminator.onnx");
        gan.ExportOnnx(model, discriminator);
        using var noise = randn(2, 100);
        using var samples = randn(2, 1, 28, 28);
        using var bad = tensor(new[] { 3L, label });
        using var good = tensor(new[] { 3L, 9L });

        Assert.Throws<OnnxRuntimeException>(() => OnnxRuntimeRunner.RunOnce(File.ReadAllBytes(model), ("noise", noise), ("labels", bad)).Dispose());
        Assert.Throws<OnnxRuntimeException>(() => OnnxRuntimeRunner.RunOnce(File.ReadAllBytes(discriminator), ("samples", samples), ("labels", bad)).Dispose());

        using var served = OnnxRuntimeRunner.RunOnce(File.ReadAllBytes(model), ("noise", noise), ("labels", good));
        using var expected = gan.Generate(noise, good);
        Assert.True((expected - served).abs().max().item<float>() <= 1e-5);
    }
}
