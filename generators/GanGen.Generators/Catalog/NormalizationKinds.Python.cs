using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal abstract partial class BatchNormKind
{
    // Conditional batch norm: the module drops its own affine parameters for the per-class scale and shift.
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"nn.{Name}({PythonNames.Int(step.InputShape[0])}, eps={PythonNames.Float(step["Epsilon"])}, momentum={PythonNames.Float(step["Momentum"])}" +
        (site.ClassConditional ? ", affine=False)" : ")"),
        site.ClassConditional
            ? $"rt.class_batch_norm({PythonMember(site)}, {PythonMember(site, "Scale")}, {PythonMember(site, "Shift")}, x, labels)"
            : $"{PythonMember(site)}(x)");
}

internal sealed partial class InstanceNorm2dKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"nn.InstanceNorm2d({PythonNames.Int(step.InputShape[0])}, eps={PythonNames.Float(step["Epsilon"])}, affine=True)",
        $"{PythonMember(site)}(x)");
}

internal sealed partial class LayerNormKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"nn.LayerNorm({PythonNames.Int(step.InputShape[step.InputShape.Count - 1])}, eps={PythonNames.Float(step["Epsilon"])})",
        $"{PythonMember(site)}(x)");
}
