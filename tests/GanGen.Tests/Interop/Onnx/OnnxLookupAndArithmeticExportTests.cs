using GanGen.Runtime.Interop.Onnx;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>Label lookups, arithmetic, reductions and the generic Node escape hatch match TorchSharp in ONNX Runtime.</summary>
public sealed class OnnxLookupAndArithmeticExportTests : OnnxExportTestBase
{
    public OnnxLookupAndArithmeticExportTests(ITestOutputHelper output) : base(output) { }

    private static Tensor Labels() => tensor(new long[] { 3, 0, 9, 3, 7 });

    [Fact]
    public void EmbeddingLooksUpRows()
    {
        manual_seed(51);
        using var embedding = nn.Embedding(10, 6);
        using var labels = Labels();
        AssertExportMatches("Embedding(10, 6)", labels, embedding.forward, (graph, input) => graph.Embedding(input, embedding));
    }

    [Fact]
    public void OneHotMatchesTorchOneHot()
    {
        using var labels = Labels();
        AssertExportMatches("OneHot(10)", labels, input => nn.functional.one_hot(input, 10).to_type(ScalarType.Float32), (graph, input) => graph.OneHot(input, 10));
    }

    [Fact]
    public void AddAndMulBroadcastAnInitializer()
    {
        manual_seed(52);
        using var x = randn(3, 4, 2, 2);
        using var shift = randn(1, 4, 1, 1);
        AssertExportMatches("Add+Mul", x, input => (input + shift) * input,
            (graph, input) => graph.Mul(graph.Add(input, graph.Initializer(shift, "shift")), input));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReduceMeanMatches(bool keepDims)
    {
        manual_seed(53);
        using var x = randn(3, 4, 5, 6);
        AssertExportMatches($"ReduceMean(axes=[2, -1], keepdims={keepDims})", x, input => input.mean(new long[] { 2, 3 }, keepDims),
            (graph, input) => graph.ReduceMean(input, new long[] { 2, -1 }, keepDims));
    }

    [Fact]
    public void NodeEscapeHatchCarriesIntsFloatsAndTensorAttributes()
    {
        manual_seed(54);
        using var x = randn(2, 3, 4);
        using var offset = randn(2, 4, 3);
        AssertExportMatches("Node(Transpose, HardSigmoid, Constant)", x,
            input => nn.functional.hardsigmoid(input.transpose(1, 2)) + offset,
            (graph, input) =>
            {
                var transposed = graph.Node("Transpose", new OnnxValue?[] { input }, new[] { OnnxAttribute.Ints("perm", 0, 2, 1) });
                var hard = graph.Node("HardSigmoid", new OnnxValue?[] { transposed }, new[] { OnnxAttribute.Float("alpha", 1f / 6), OnnxAttribute.Float("beta", 0.5f) });
                var constant = graph.Node("Constant", System.Array.Empty<OnnxValue?>(), new[] { OnnxAttribute.Tensor("value", offset) }, name: "offset");
                return graph.Add(hard, constant);
            });
    }
}
