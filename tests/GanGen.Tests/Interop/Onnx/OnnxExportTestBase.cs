using System;
using System.Linq;
using GanGen.Runtime.Interop.Onnx;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>
/// Exports a TorchSharp computation, runs it in ONNX Runtime on the same input and compares: the largest absolute
/// difference must be at most <see cref="Tolerance"/>, and each test prints the difference it measured.
/// </summary>
public abstract class OnnxExportTestBase
{
    /// <summary>Largest accepted |torch − ONNX Runtime| per element: float32 rounding differences of a few layers.</summary>
    public const double Tolerance = 1e-5;

    private readonly ITestOutputHelper _output;

    protected OnnxExportTestBase(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Feeds <paramref name="input"/> to <paramref name="reference"/> (under no_grad) and to the graph
    /// <paramref name="export"/> builds from an input named "x" with a symbolic batch dimension; returns the difference.
    /// </summary>
    protected double AssertExportMatches(string label, Tensor input, Func<Tensor, Tensor> reference, Func<OnnxGraphBuilder, OnnxValue, OnnxValue> export)
    {
        var graph = new OnnxGraphBuilder(label);
        var inputType = input.dtype == ScalarType.Int64 ? OnnxDataType.Int64 : OnnxDataType.Float;
        var x = graph.Input("x", input.shape.Select((size, i) => i == 0 ? -1 : size).ToArray(), inputType);
        graph.Output(export(graph, x), "y");

        using var scope = NewDisposeScope();
        Tensor expected;
        using (no_grad()) expected = reference(input);
        var actual = OnnxRuntimeRunner.RunOnce(graph.ToBytes(), ("x", input));
        return AssertClose(label, expected, actual);
    }

    /// <summary>Asserts equal shapes and max |expected − actual| ≤ <see cref="Tolerance"/>, printing the difference.</summary>
    protected double AssertClose(string label, Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var difference = (expected.to_type(ScalarType.Float32) - actual).abs().max();
        double maximum = difference.item<float>();
        _output.WriteLine($"{label}: max |torch - ONNX Runtime| = {maximum:E2} over {expected.NumberOfElements} elements");
        Assert.True(maximum <= Tolerance, $"{label}: max difference {maximum:E3} exceeds {Tolerance:E0}");
        return maximum;
    }
}
