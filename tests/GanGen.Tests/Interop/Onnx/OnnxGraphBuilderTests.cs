using System;
using GanGen.Runtime.Interop.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>Naming, outputs and the builder's errors.</summary>
public sealed class OnnxGraphBuilderTests
{
    [Fact]
    public void AnInputDeclaredAsAnOutputPassesThroughIdentityAndKeepsItsName()
    {
        var graph = new OnnxGraphBuilder();
        var x = graph.Input("x", new long[] { -1, 3 });
        graph.Output(x, "y");

        using var input = tensor(new[] { 1f, -2f, 3f }).reshape(1, 3);
        using var output = OnnxRuntimeRunner.RunOnce(graph.ToBytes(), ("x", input));

        Assert.Equal("x", x.Name);
        Assert.Equal(new[] { 1f, -2f, 3f }, output.data<float>().ToArray());
    }

    [Fact]
    public void ANodeOutputIsRenamedAndCanBeDeclaredTwice()
    {
        var graph = new OnnxGraphBuilder();
        var h = graph.Relu(graph.Input("x", new long[] { -1, 2 }));
        graph.Output(h, "first");
        graph.Output(h, "second");

        using var runner = new OnnxRuntimeRunner(graph.ToBytes());

        Assert.Equal("first", h.Name);
        Assert.Equal(new[] { "first", "second" }, runner.Session.OutputNames);
    }

    [Fact]
    public void LayersNameTheirNodeOutputsAndInitializers()
    {
        manual_seed(71);
        using var linear = nn.Linear(2, 3);
        var graph = new OnnxGraphBuilder();
        var x = graph.Input("x", new long[] { -1, 2 });

        Assert.Equal("Hidden1", graph.Linear(x, linear, "Hidden1").Name);
        Assert.StartsWith("Gemm_", graph.Linear(x, linear).Name);
        var error = Assert.Throws<ArgumentException>(() => graph.Initializer(linear.weight!, "Hidden1.weight"));
        Assert.Equal("The name 'Hidden1.weight' is already used in this graph.", error.Message);
    }

    [Fact]
    public void EqualGraphsEncodeToEqualBytes()
    {
        manual_seed(72);
        using var linear = nn.Linear(4, 2);
        byte[] Build()
        {
            var graph = new OnnxGraphBuilder();
            graph.Output(graph.Gelu(graph.Linear(graph.Input("x", new long[] { -1, 4 }), linear)), "y");
            return graph.ToBytes();
        }

        Assert.Equal(Build(), Build());
    }

    [Fact]
    public void ValuesOfAnotherGraphOrDefaultValuesAreRejected()
    {
        var first = new OnnxGraphBuilder("first");
        var second = new OnnxGraphBuilder("second");
        var x = first.Input("x", new long[] { -1, 2 });

        var foreign = Assert.Throws<ArgumentException>(() => second.Relu(x));
        Assert.StartsWith("The OnnxValue 'x' belongs to graph 'first', not 'second'.", foreign.Message);
        var unset = Assert.Throws<ArgumentException>(() => second.Relu(default));
        Assert.StartsWith("The OnnxValue is default; use a value returned by this graph's methods.", unset.Message);
    }

    [Fact]
    public void AGraphWithoutOutputsCannotBeEncoded()
    {
        var graph = new OnnxGraphBuilder("empty");
        graph.Relu(graph.Input("x", new long[] { -1 }));

        var error = Assert.Throws<InvalidOperationException>(() => graph.ToBytes());
        Assert.Equal("Graph 'empty' has no outputs; declare one with Output(value, name).", error.Message);
    }

    [Fact]
    public void ModulesWithoutAnInferenceEquivalentAreRefused()
    {
        var graph = new OnnxGraphBuilder();
        var x = graph.Input("x", new long[] { -1, 2, 4, 4 });
        using var reflect = nn.Conv2d(2, 2, 3, padding: 1, padding_mode: PaddingModes.Reflect);
        using var batchStatistics = nn.BatchNorm2d(2, track_running_stats: false);

        Assert.Equal("Padding mode Reflect has no ONNX Conv equivalent; only zero padding is exported.",
            Assert.Throws<NotSupportedException>(() => graph.Conv2d(x, reflect)).Message);
        Assert.StartsWith("A BatchNorm without running statistics",
            Assert.Throws<NotSupportedException>(() => graph.BatchNorm(x, batchStatistics)).Message);
        Assert.StartsWith("A per-sample shape needs positive sizes and at most one −1, not [-1, -1].",
            Assert.Throws<ArgumentException>(() => graph.Reshape(x, new long[] { -1, -1 })).Message);
    }
}
