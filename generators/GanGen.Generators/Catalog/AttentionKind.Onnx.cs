using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class SelfAttentionKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.SelfAttention(x, {site.Module}, {OnnxName(site)})";
}
