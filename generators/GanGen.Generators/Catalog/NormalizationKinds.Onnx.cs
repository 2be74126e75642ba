using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal abstract partial class BatchNormKind
{
    // Running statistics (inference); conditional batch norm then scales and shifts by the label's embedding rows.
    public override string Onnx(StepSpec step, StepSite site) => site.ClassConditional
        ? $"graph.ClassBatchNorm(x, {site.Module}, {site.ClassModule("Scale")}, {site.ClassModule("Shift")}, labels, {step.InputShape.Count}, {OnnxName(site)})"
        : $"graph.BatchNorm(x, {site.Module}, {OnnxName(site)})";
}

internal sealed partial class InstanceNorm2dKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.InstanceNorm2d(x, {site.Module}, {OnnxName(site)})";
}

internal sealed partial class LayerNormKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.LayerNorm(x, {site.Module}, {OnnxName(site)})";
}
