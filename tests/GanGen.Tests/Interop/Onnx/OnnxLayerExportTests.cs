using GanGen.Runtime.Interop.Onnx;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>Layers with weights and normalisation layers (eval mode) match TorchSharp in ONNX Runtime.</summary>
public sealed class OnnxLayerExportTests : OnnxExportTestBase
{
    public OnnxLayerExportTests(ITestOutputHelper output) : base(output) { }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LinearMatches(bool bias)
    {
        manual_seed(11);
        using var linear = nn.Linear(7, 5, hasBias: bias);
        using var x = randn(3, 7);
        AssertExportMatches($"Linear(bias={bias})", x, linear.forward, (graph, input) => graph.Linear(input, linear));
    }

    [Fact]
    public void LinearFromTensorsMatches()
    {
        manual_seed(12);
        using var weight = randn(4, 6);
        using var bias = randn(4);
        using var x = randn(2, 6);
        AssertExportMatches("Linear(tensors)", x, input => nn.functional.linear(input, weight, bias), (graph, input) => graph.Linear(input, weight, bias));
    }

    [Theory]
    [InlineData(3, 1, 1, 1, 1, true)]
    [InlineData(4, 2, 1, 1, 1, false)]
    [InlineData(3, 1, 2, 2, 1, true)]
    [InlineData(3, 2, 1, 1, 2, true)]
    public void Conv2dMatches(int kernel, int stride, int padding, int dilation, int groups, bool bias)
    {
        manual_seed(13);
        using var conv = nn.Conv2d(4, 6, kernel, stride: stride, padding: padding, dilation: dilation, groups: groups, bias: bias);
        using var x = randn(2, 4, 9, 9);
        AssertExportMatches($"Conv2d(k={kernel}, s={stride}, p={padding}, d={dilation}, g={groups}, bias={bias})", x, conv.forward, (graph, input) => graph.Conv2d(input, conv));
    }

    [Theory]
    [InlineData(Padding.Same)]
    [InlineData(Padding.Valid)]
    public void Conv2dWithNamedPaddingMatches(Padding padding)
    {
        manual_seed(14);
        // An even kernel with dilation makes "same" padding asymmetric: the odd pixel goes to the bottom/right.
        using var conv = nn.Conv2d(3, 2, 4, padding, dilation: 1);
        using var x = randn(2, 3, 8, 7);
        AssertExportMatches($"Conv2d(padding={padding})", x, conv.forward, (graph, input) => graph.Conv2d(input, conv));
    }

    [Fact]
    public void Conv2dFromTensorsMatches()
    {
        manual_seed(15);
        using var weight = randn(5, 3, 3, 3);
        using var x = randn(2, 3, 8, 8);
        AssertExportMatches("Conv2d(tensors, s=2, p=1)", x,
            input => nn.functional.conv2d(input, weight, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 }),
            (graph, input) => graph.Conv2d(input, weight, stride: 2, padding: 1));
    }

    [Theory]
    [InlineData(4, 2, 1, 0, true)]
    [InlineData(3, 2, 1, 1, true)]
    [InlineData(5, 1, 2, 0, false)]
    public void ConvTranspose2dMatches(int kernel, int stride, int padding, int outputPadding, bool bias)
    {
        manual_seed(16);
        using var conv = nn.ConvTranspose2d(6, 3, kernel, stride: stride, padding: padding, output_padding: outputPadding, bias: bias);
        using var x = randn(2, 6, 5, 5);
        AssertExportMatches($"ConvTranspose2d(k={kernel}, s={stride}, p={padding}, op={outputPadding}, bias={bias})", x, conv.forward, (graph, input) => graph.ConvTranspose2d(input, conv));
    }

    [Fact]
    public void ConvTranspose2dFromTensorsMatches()
    {
        manual_seed(17);
        using var weight = randn(4, 2, 4, 4);
        using var bias = randn(2);
        using var x = randn(3, 4, 3, 3);
        AssertExportMatches("ConvTranspose2d(tensors, s=2, p=1)", x,
            input => nn.functional.conv_transpose2d(input, weight, bias, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 }),
            (graph, input) => graph.ConvTranspose2d(input, weight, bias, stride: 2, padding: 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BatchNorm2dInEvalModeMatches(bool affine)
    {
        manual_seed(18);
        using var norm = nn.BatchNorm2d(5, eps: 1e-3, affine: affine);
        GiveStatistics(norm);
        norm.eval();
        using var x = randn(4, 5, 3, 3);
        AssertExportMatches($"BatchNorm2d(affine={affine})", x, norm.forward, (graph, input) => graph.BatchNorm(input, norm));
    }

    [Fact]
    public void BatchNorm1dInEvalModeMatches()
    {
        manual_seed(19);
        using var norm = nn.BatchNorm1d(6);
        GiveStatistics(norm);
        norm.eval();
        using var x = randn(4, 6);
        AssertExportMatches("BatchNorm1d", x, norm.forward, (graph, input) => graph.BatchNorm(input, norm));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void InstanceNorm2dMatches(bool affine, bool trackRunningStats)
    {
        manual_seed(20);
        using var norm = nn.InstanceNorm2d(3, affine: affine, track_running_stats: trackRunningStats);
        GiveStatistics(norm);
        norm.eval();
        using var x = randn(2, 3, 5, 4) * 2 + 1;
        AssertExportMatches($"InstanceNorm2d(affine={affine}, running_stats={trackRunningStats})", x, norm.forward, (graph, input) => graph.InstanceNorm2d(input, norm));
    }

    [Fact]
    public void LayerNormOverTheLastDimensionMatches()
    {
        manual_seed(21);
        using var norm = nn.LayerNorm(new long[] { 8 });
        Randomize(norm);
        using var x = randn(3, 8) * 3 + 2;
        AssertExportMatches("LayerNorm([8])", x, norm.forward, (graph, input) => graph.LayerNorm(input, norm));
    }

    [Fact]
    public void LayerNormOverTheLastTwoDimensionsMatches()
    {
        manual_seed(22);
        using var norm = nn.LayerNorm(new long[] { 4, 5 }, eps: 1e-4);
        Randomize(norm);
        using var x = randn(2, 3, 4, 5);
        AssertExportMatches("LayerNorm([4, 5])", x, norm.forward, (graph, input) => graph.LayerNorm(input, norm));
    }

    /// <summary>Random affine parameters and running statistics far from the defaults (mean 0, variance 1).</summary>
    private static void GiveStatistics(nn.Module module)
    {
        Randomize(module);
        using var _ = no_grad();
        foreach (var (name, buffer) in module.named_buffers())
        {
            if (name == "running_mean") buffer.copy_(randn_like(buffer) * 2);
            else if (name == "running_var") buffer.copy_(rand_like(buffer) * 3 + 0.2);
        }
    }

    private static void Randomize(nn.Module module)
    {
        using var _ = no_grad();
        foreach (var parameter in module.parameters()) parameter.copy_(randn_like(parameter));
    }
}
