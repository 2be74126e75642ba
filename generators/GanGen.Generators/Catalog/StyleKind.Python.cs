using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class AdaptiveInstanceNormKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"rt.AdaptiveInstanceNorm({PythonNames.Int(step.InputShape[0])}, {PythonNames.Int(step.ReferenceShape[0])}, eps={PythonNames.Float(step["Epsilon"])})",
        $"{PythonMember(site)}(x, {site.Other})");
}
