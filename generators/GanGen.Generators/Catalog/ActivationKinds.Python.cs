using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal abstract partial class TensorMethodKind
{
    // torch.relu, torch.tanh and torch.sigmoid (F.tanh and F.sigmoid warn that they are deprecated).
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation($"torch.{_method}(x)");
}

internal sealed partial class SiLUKind
{
    // SiLU is only in torch.nn.functional.
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation("F.silu(x)");
}

internal sealed partial class LeakyReLUKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation($"F.leaky_relu(x, {PythonNames.Float(step["Slope"])})");
}

internal sealed partial class ELUKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation($"F.elu(x, {PythonNames.Float(step["Alpha"])})");
}

internal sealed partial class GELUKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation("F.gelu(x)");
}

internal sealed partial class DropoutKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation($"F.dropout(x, {PythonNames.Float(step["Probability"])}, self.training)");
}
