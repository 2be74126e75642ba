using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class LeCamKind
{
    // The class is gangen_twin.py's LeCam (a real file).
    public override string PythonDefinition => string.Empty;

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) =>
        $"rt.LeCam(weight={PythonNames.Float(spec["Weight"])}, decay={PythonNames.Float(spec["Decay"])})";

    public override string PythonDiscriminatorTerm(RegularizerSpec spec) => $"{PythonObject}.term(real_scores, fake_scores)";
}
