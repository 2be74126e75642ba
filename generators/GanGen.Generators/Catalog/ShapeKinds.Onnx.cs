using System.Collections.Generic;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class ReshapeKind
{
    // The builder keeps the batch dimension itself; it takes the per-sample shape.
    public override string Onnx(StepSpec step, StepSite site)
    {
        var sizes = new List<long>();
        foreach (int dimension in step.Dimensions) sizes.Add(dimension);
        return $"graph.Reshape(x, new long[] {Literals.LongArrayInitializer(sizes)})";
    }
}

internal sealed partial class FlattenKind
{
    public override string Onnx(StepSpec step, StepSite site) => "graph.Flatten(x)";
}

internal sealed partial class UpsampleKind
{
    public override string Onnx(StepSpec step, StepSite site) =>
        $"graph.Upsample(x, {Literals.Int(step.Long("Scale"))}, global::GanGen.UpsampleMode.{(UpsampleMode)(int)step.Long("Mode")})";
}

internal abstract partial class PoolingKind
{
    // The builder's method is the TorchSharp function's name in PascalCase: avg_pool2d → AvgPool2d.
    public override string Onnx(StepSpec step, StepSite site) =>
        $"graph.{(_function.StartsWith("avg") ? "AvgPool2d" : "MaxPool2d")}(x, {Literals.Int(step.Long("Kernel"))}, {Literals.Int(Stride(step))}, {Literals.Int(step.Long("Padding"))})";
}
