using System;
using GanGen.Runtime.Interop.Onnx;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>Reshape, Flatten, Concat, upsampling and pooling match TorchSharp in ONNX Runtime.</summary>
public sealed class OnnxShapeExportTests : OnnxExportTestBase
{
    public OnnxShapeExportTests(ITestOutputHelper output) : base(output) { }

    [Fact]
    public void ReshapeKeepsTheBatchAndReshapesEachSample()
    {
        manual_seed(41);
        using var x = randn(3, 48);
        AssertExportMatches("Reshape(3, 4, 4)", x, input => input.reshape(-1, 3, 4, 4), (graph, input) => graph.Reshape(input, new long[] { 3, 4, 4 }));
    }

    [Fact]
    public void ReshapeAcceptsOneInferredSizePerSample()
    {
        manual_seed(42);
        using var x = randn(2, 3, 4, 4);
        AssertExportMatches("Reshape(3, -1)", x, input => input.reshape(2, 3, -1), (graph, input) => graph.Reshape(input, new long[] { 3, -1 }));
    }

    [Fact]
    public void FlattenMatches()
    {
        manual_seed(43);
        using var flatten = nn.Flatten();
        using var x = randn(3, 2, 4, 5);
        AssertExportMatches("Flatten", x, flatten.forward, (graph, input) => graph.Flatten(input));
    }

    [Fact]
    public void ConcatMatches()
    {
        manual_seed(44);
        using var x = randn(2, 3, 4, 4);
        AssertExportMatches("Concat(axis=1)", x, input => cat(new[] { input, nn.functional.relu(input) }, 1),
            (graph, input) => graph.Concat(1, input, graph.Relu(input)));
    }

    [Theory]
    [InlineData(UpsampleMode.Nearest, 2)]
    [InlineData(UpsampleMode.Nearest, 3)]
    [InlineData(UpsampleMode.Bilinear, 2)]
    [InlineData(UpsampleMode.Bilinear, 3)]
    public void UpsampleMatches(UpsampleMode mode, int scale)
    {
        manual_seed(45);
        var torchMode = mode == UpsampleMode.Nearest ? torch.UpsampleMode.Nearest : torch.UpsampleMode.Bilinear;
        using var upsample = nn.Upsample(scale_factor: new double[] { scale, scale }, mode: torchMode, align_corners: mode == UpsampleMode.Bilinear ? false : null);
        using var x = randn(2, 3, 5, 4);
        AssertExportMatches($"Upsample({mode}, x{scale})", x, upsample.forward, (graph, input) => graph.Upsample(input, scale, mode));
    }

    [Theory]
    [InlineData(2, 0, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(3, 1, 1)]
    public void AvgPool2dCountsPaddingLikeTorch(int kernel, int stride, int padding)
    {
        manual_seed(46);
        using var x = randn(2, 3, 7, 7);
        AssertExportMatches($"AvgPool2d(k={kernel}, s={stride}, p={padding})", x,
            input => nn.functional.avg_pool2d(input, kernel, stride == 0 ? kernel : stride, padding),
            (graph, input) => graph.AvgPool2d(input, kernel, stride, padding));
    }

    [Theory]
    [InlineData(2, 0, 0)]
    [InlineData(3, 2, 1)]
    public void MaxPool2dMatches(int kernel, int stride, int padding)
    {
        manual_seed(47);
        // Negative values everywhere: zero padding would win the max, -inf padding (torch's and ONNX's) does not.
        using var x = -rand(2, 3, 7, 7) - 1;
        AssertExportMatches($"MaxPool2d(k={kernel}, s={stride}, p={padding})", x,
            input => nn.functional.max_pool2d(input, kernel, stride == 0 ? kernel : stride, padding),
            (graph, input) => graph.MaxPool2d(input, kernel, stride, padding));
    }
}
