using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class PixelShuffleKind
{
    // DepthToSpace in CRD order is PyTorch's pixel shuffle.
    public override string Onnx(StepSpec step, StepSite site) => $"graph.PixelShuffle(x, {Literals.Int(step.Long("Factor"))})";
}

internal sealed partial class ReflectionPad2dKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.ReflectionPad2d(x, {Literals.Int(step.Long("Padding"))})";
}

internal sealed partial class GlobalPoolKind
{
    public override string Onnx(StepSpec step, StepSite site) => step.Long("Mode") == (long)GlobalPooling.Mean
        ? "graph.ReduceMean(x, new long[] { 2L, 3L }, keepDims: false)"
        : "graph.ReduceSum(x, new long[] { 2L, 3L }, keepDims: false)";
}
