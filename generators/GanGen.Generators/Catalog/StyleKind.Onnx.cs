using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class AdaptiveInstanceNormKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.AdaptiveInstanceNorm(x, {site.Other}, {site.Module}, {OnnxName(site)})";
}
