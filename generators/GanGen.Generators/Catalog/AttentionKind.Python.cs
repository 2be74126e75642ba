using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class SelfAttentionKind
{
    // gangen_twin.SelfAttention: the same children (query, key, value) and gamma, its spectral norms GanGen's.
    public override PythonStep Python(StepSpec step, StepSite site)
    {
        long channels = step.InputShape[0];
        string spectral = site.Spectral is null ? string.Empty : ", spectral=True";
        return PythonStep.Layer($"rt.SelfAttention({PythonNames.Int(channels)}, {PythonNames.Int(KeyChannels(channels, step.Long("Reduction")))}{spectral})",
            $"{PythonMember(site)}(x)");
    }
}
