using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class IdentityKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer("nn.Identity()", string.Empty);
}

internal sealed partial class AddKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation(step["Scale"] == 1
        ? $"{Operand(site)} + x"
        : $"torch.add({Operand(site)}, x, alpha={PythonNames.Float(step["Scale"])})");
}

internal sealed partial class ConcatKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation($"torch.cat([x, {Operand(site)}], 1)");
}

internal sealed partial class MultiplyKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation($"x * {Operand(site)}");
}
