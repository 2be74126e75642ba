using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class DenseKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"nn.Linear({PythonNames.Int(step.InputShape[0])}, {PythonNames.Int(step.Long("Units"))}, bias={PythonNames.Bool(step.Bool("Bias"))})",
        PythonNormalisedWeight(site) is { } weight ? $"F.linear(x, {weight}, {PythonMember(site)}.bias)" : $"{PythonMember(site)}(x)");
}
