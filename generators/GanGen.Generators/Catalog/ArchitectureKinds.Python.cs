using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class PixelShuffleKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation($"F.pixel_shuffle(x, {PythonNames.Int(step.Long("Factor"))})");
}

internal sealed partial class ReflectionPad2dKind
{
    public override PythonStep Python(StepSpec step, StepSite site)
    {
        string p = PythonNames.Int(step.Long("Padding"));
        return PythonStep.Operation($"F.pad(x, ({p}, {p}, {p}, {p}), mode=\"reflect\")");
    }
}

internal sealed partial class GlobalPoolKind
{
    public override PythonStep Python(StepSpec step, StepSite site) =>
        PythonStep.Operation(step.Long("Mode") == (long)GlobalPooling.Mean ? "x.mean(dim=(2, 3))" : "x.sum(dim=(2, 3))");
}
