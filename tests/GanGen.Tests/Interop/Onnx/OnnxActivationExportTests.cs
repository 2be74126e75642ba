using System;
using GanGen.Runtime.Interop.Onnx;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>Activations (and Dropout at inference) match TorchSharp in ONNX Runtime.</summary>
public sealed class OnnxActivationExportTests : OnnxExportTestBase
{
    public OnnxActivationExportTests(ITestOutputHelper output) : base(output) { }

    // Wide enough to reach both saturated tails of tanh, sigmoid and GELU.
    private static Tensor Input()
    {
        manual_seed(31);
        return randn(4, 3, 5, 5) * 4;
    }

    [Fact]
    public void ReluMatches() => Check("Relu", x => nn.functional.relu(x), (graph, x) => graph.Relu(x));

    [Fact]
    public void LeakyReluMatches() => Check("LeakyRelu(0.2)", x => nn.functional.leaky_relu(x, 0.2), (graph, x) => graph.LeakyRelu(x, 0.2));

    [Fact]
    public void TanhMatches() => Check("Tanh", x => nn.functional.tanh(x), (graph, x) => graph.Tanh(x));

    [Fact]
    public void SigmoidMatches() => Check("Sigmoid", nn.functional.sigmoid, (graph, x) => graph.Sigmoid(x));

    [Fact]
    public void EluMatches() => Check("Elu(0.7)", x => nn.functional.elu(x, 0.7), (graph, x) => graph.Elu(x, 0.7));

    [Fact]
    public void GeluMatchesTheExactErfForm() => Check("Gelu", nn.functional.gelu, (graph, x) => graph.Gelu(x));

    [Fact]
    public void SiluMatches() => Check("Silu", x => nn.functional.silu(x), (graph, x) => graph.Silu(x));

    [Fact]
    public void DropoutIsTheIdentityAtInference()
    {
        using var dropout = nn.Dropout(0.5);
        dropout.eval();
        Check("Dropout(eval)", dropout.forward, (graph, x) =>
        {
            var y = graph.Dropout(x);
            Assert.Equal(x, y);
            return y;
        });
    }

    private void Check(string label, Func<Tensor, Tensor> reference, Func<OnnxGraphBuilder, OnnxValue, OnnxValue> export)
    {
        using var x = Input();
        AssertExportMatches(label, x, reference, export);
    }
}
