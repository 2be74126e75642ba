using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class Conv2dKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"nn.Conv2d({PythonNames.Int(step.InputShape[0])}, {PythonNames.Int(step.Long("Channels"))}, kernel_size={PythonNames.Int(step.Long("Kernel"))}, " +
        $"stride={PythonNames.Int(step.Long("Stride"))}, padding={PythonNames.Int(step.Long("Padding"))}, dilation={PythonNames.Int(step.Long("Dilation"))}, " +
        $"bias={PythonNames.Bool(step.Bool("Bias"))})",
        $"{PythonMember(site)}(x)");
}

internal sealed partial class ConvTranspose2dKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"nn.ConvTranspose2d({PythonNames.Int(step.InputShape[0])}, {PythonNames.Int(step.Long("Channels"))}, kernel_size={PythonNames.Int(step.Long("Kernel"))}, " +
        $"stride={PythonNames.Int(step.Long("Stride"))}, padding={PythonNames.Int(step.Long("Padding"))}, output_padding={PythonNames.Int(step.Long("OutputPadding"))}, " +
        $"dilation={PythonNames.Int(step.Long("Dilation"))}, bias={PythonNames.Bool(step.Bool("Bias"))})",
        $"{PythonMember(site)}(x)");
}
