using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class Conv2dKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.Conv2d(x, {site.Module}, {SpectralArgument(site)}{OnnxName(site)})";
}

internal sealed partial class ConvTranspose2dKind
{
    // ConvTranspose with output_padding: ONNX keeps PyTorch's [in, out, kH, kW] weight layout.
    public override string Onnx(StepSpec step, StepSite site) => $"graph.ConvTranspose2d(x, {site.Module}, {SpectralArgument(site)}{OnnxName(site)})";
}
