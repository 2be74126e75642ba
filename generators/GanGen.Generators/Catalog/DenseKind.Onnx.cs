using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class DenseKind
{
    // Gemm(x, W, b, transB = 1): PyTorch's [out, in] weight as it is, or divided by σ under [SpectralNorm].
    public override string Onnx(StepSpec step, StepSite site) => $"graph.Linear(x, {site.Module}, {SpectralArgument(site)}{OnnxName(site)})";
}
