using System.Linq;
using GanGen.Runtime.Interop.Onnx;
using GanGen.Runtime.Networks;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>
/// The stabilising layers' builder operations against GanGen's TorchSharp code in ONNX Runtime: spectrally normalised
/// dense, convolution and transposed convolution layers in evaluation mode (W / ‖W v‖ after some training-mode power
/// iterations moved u and v), minibatch standard deviation over features and images for several groups, and minibatch
/// discrimination.
/// </summary>
public sealed class OnnxStabiliserExportTests : OnnxExportTestBase
{
    public OnnxStabiliserExportTests(ITestOutputHelper output) : base(output) { }

    [Fact]
    public void SpectrallyNormalisedLinearMatchesEvaluationMode()
    {
        manual_seed(81);
        using var linear = nn.Linear(7, 5);
        using var spectral = Iterated(linear, linear.weight!, secondDimension: false);
        using var x = randn(4, 7);
        AssertExportMatches("spectral Linear", x, input => Forward.Dense(linear, input, spectral.Weight(linear.weight!)),
            (graph, input) => graph.Linear(input, linear, spectral, "Score"));
    }

    [Fact]
    public void SpectrallyNormalisedConv2dMatchesEvaluationMode()
    {
        manual_seed(82);
        using var conv = nn.Conv2d(3, 4, 3, stride: 2, padding: 1);
        using var spectral = Iterated(conv, conv.weight!, secondDimension: false);
        using var x = randn(2, 3, 6, 6);
        AssertExportMatches("spectral Conv2d", x, input => Forward.Conv2d(conv, input, spectral.Weight(conv.weight!)),
            (graph, input) => graph.Conv2d(input, conv, spectral, "Down"));
    }

    [Fact]
    public void SpectrallyNormalisedConvTranspose2dMatchesEvaluationMode()
    {
        manual_seed(83);
        using var conv = nn.ConvTranspose2d(4, 3, 2, stride: 2);
        using var spectral = Iterated(conv, conv.weight!, secondDimension: true);
        using var x = randn(2, 4, 3, 3);
        AssertExportMatches("spectral ConvTranspose2d", x, input => Forward.ConvTranspose2d(conv, input, spectral.Weight(conv.weight!)),
            (graph, input) => graph.ConvTranspose2d(input, conv, spectral, "Up"));
    }

    [Fact]
    public void SpectralNormKeepsTheRawWeightAndItsVectorUnderStateDictNames()
    {
        manual_seed(84);
        using var linear = nn.Linear(3, 2);
        using var spectral = new SpectralNorm(linear, linear.weight!);
        var graph = new OnnxGraphBuilder();
        graph.Output(graph.Linear(graph.Input("x", new long[] { -1, 3 }), linear, spectral, "Score"), "y");

        var initializers = graph.Initializers.Select(initializer => initializer.Name).ToArray();
        Assert.Contains("Score.weight", initializers);
        Assert.Contains("Score.weight_v", initializers);
        Assert.Contains("Score.bias", initializers);
        // Evaluation mode never reads u, so the graph does not carry it.
        Assert.DoesNotContain("Score.weight_u", initializers);
    }

    [Theory]
    [InlineData(2, 8)]
    [InlineData(4, 8)]
    [InlineData(3, 9)]
    public void MinibatchStdDevOverFeaturesMatches(long group, long batch)
    {
        manual_seed(85);
        using var x = randn(batch, 5);
        AssertExportMatches($"MinibatchStdDev features (group {group}, batch {batch})", x, input => BatchStatistics.MinibatchStdDev(input, group),
            (graph, input) => graph.MinibatchStdDev(input, group, new long[] { 5 }));
    }

    [Theory]
    [InlineData(2, 6)]
    [InlineData(4, 8)]
    public void MinibatchStdDevOverImagesMatches(long group, long batch)
    {
        manual_seed(86);
        using var x = randn(batch, 3, 4, 5);
        AssertExportMatches($"MinibatchStdDev images (group {group}, batch {batch})", x, input => BatchStatistics.MinibatchStdDev(input, group),
            (graph, input) => graph.MinibatchStdDev(input, group, new long[] { 3, 4, 5 }));
    }

    [Theory]
    [InlineData(4, 3, 2, 6)]
    [InlineData(6, 5, 1, 3)]
    public void MinibatchDiscriminationMatches(long features, long kernels, long kernelSize, long batch)
    {
        manual_seed(87);
        using var layer = new MinibatchDiscrimination(features, kernels, kernelSize);
        using var x = randn(batch, features);
        AssertExportMatches($"MinibatchDiscrimination {features} -> +{kernels} (kernels of {kernelSize}, batch {batch})", x, layer.forward,
            (graph, input) => graph.MinibatchDiscrimination(input, layer, "Similar"));
    }

    /// <summary>A spectral norm whose u and v have taken a few training-mode power iterations, then set to evaluation mode.</summary>
    private static SpectralNorm Iterated(nn.Module layer, Tensor weight, bool secondDimension)
    {
        var spectral = new SpectralNorm(layer, weight, secondDimension);
        layer.train();
        using (no_grad())
        {
            for (int i = 0; i < 3; i++) spectral.Weight(weight).Dispose();
        }
        layer.eval();
        return spectral;
    }
}
