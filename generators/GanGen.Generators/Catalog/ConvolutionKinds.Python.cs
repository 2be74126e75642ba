using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class Conv2dKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"nn.Conv2d({PythonNames.Int(step.InputShape[0])}, {PythonNames.Int(step.Long("Channels"))}, kernel_size={PythonNames.Int(step.Long("Kernel"))}, " +
        $"stride={PythonNames.Int(step.Long("Stride"))}, padding={PythonNames.Int(step.Long("Padding"))}, dilation={PythonNames.Int(step.Long("Dilation"))}, " +
        $"bias={PythonNames.Bool(step.Bool("Bias"))})",
        PythonForward(site));

    // Under [SpectralNorm] the layer's own configuration with the normalised weight, as Forward.Conv2d(layer, x, weight).
    private static string PythonForward(StepSite site)
    {
        string layer = PythonMember(site);
        return PythonNormalisedWeight(site) is { } weight
            ? $"F.conv2d(x, {weight}, {layer}.bias, {layer}.stride, {layer}.padding, {layer}.dilation, {layer}.groups)"
            : $"{layer}(x)";
    }
}

internal sealed partial class ConvTranspose2dKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"nn.ConvTranspose2d({PythonNames.Int(step.InputShape[0])}, {PythonNames.Int(step.Long("Channels"))}, kernel_size={PythonNames.Int(step.Long("Kernel"))}, " +
        $"stride={PythonNames.Int(step.Long("Stride"))}, padding={PythonNames.Int(step.Long("Padding"))}, output_padding={PythonNames.Int(step.Long("OutputPadding"))}, " +
        $"dilation={PythonNames.Int(step.Long("Dilation"))}, bias={PythonNames.Bool(step.Bool("Bias"))})",
        PythonForward(site));

    // F.conv_transpose2d takes groups before dilation, unlike F.conv2d.
    private static string PythonForward(StepSite site)
    {
        string layer = PythonMember(site);
        return PythonNormalisedWeight(site) is { } weight
            ? $"F.conv_transpose2d(x, {weight}, {layer}.bias, {layer}.stride, {layer}.padding, {layer}.output_padding, {layer}.groups, {layer}.dilation)"
            : $"{layer}(x)";
    }
}
