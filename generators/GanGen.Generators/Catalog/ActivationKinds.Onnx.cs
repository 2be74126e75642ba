using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal abstract partial class TensorMethodKind
{
    // The builder names its operations as TorchSharp's tensor methods, capitalised: relu → Relu, silu → Silu.
    public override string Onnx(StepSpec step, StepSite site) => $"graph.{char.ToUpperInvariant(_method[0])}{_method.Substring(1)}(x)";
}

internal sealed partial class LeakyReLUKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.LeakyRelu(x, {Literals.Double(step["Slope"])})";
}

internal sealed partial class ELUKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.Elu(x, {Literals.Double(step["Alpha"])})";
}

internal sealed partial class GELUKind
{
    public override string Onnx(StepSpec step, StepSite site) => "graph.Gelu(x)";
}

internal sealed partial class DropoutKind
{
    // Exported graphs are for sampling: dropout is the identity there.
    public override string Onnx(StepSpec step, StepSite site) => "graph.Dropout(x)";
}
