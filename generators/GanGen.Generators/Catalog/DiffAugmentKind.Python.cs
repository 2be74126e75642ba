using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class DiffAugmentKind
{
    // The class is gangen_twin.py's DiffAugment (a real file): it replays GanGen's uniform draws in GanGen's order.
    public override string PythonDefinition => string.Empty;

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) =>
        $"rt.DiffAugment(policy={PythonNames.String(Policy(spec, string.Empty, ","))}, translation={PythonNames.Float(spec["Translation"])}, cutout={PythonNames.Float(spec["Cutout"])})";

    public override string PythonDiscriminatorInput(RegularizerSpec spec) => $"{PythonObject}.apply(samples, draws)";
}
