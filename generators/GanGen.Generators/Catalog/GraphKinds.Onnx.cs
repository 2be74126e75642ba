namespace GanGen.Generators.Catalog;

internal sealed partial class IdentityKind
{
    public override string Onnx(Model.StepSpec step, StepSite site) => NoOnnxNode;
}

internal sealed partial class AddKind
{
    public override string Onnx(Model.StepSpec step, StepSite site) => step["Scale"] == 1
        ? $"graph.Add({Operand(site)}, x)"
        : $"graph.Add({Operand(site)}, graph.Scale(x, {Emit.Literals.Double(step["Scale"])}))";
}

internal sealed partial class ConcatKind
{
    public override string Onnx(Model.StepSpec step, StepSite site) => $"graph.Concat(1, x, {Operand(site)})";
}

internal sealed partial class MultiplyKind
{
    public override string Onnx(Model.StepSpec step, StepSite site) => $"graph.Mul(x, {Operand(site)})";
}
