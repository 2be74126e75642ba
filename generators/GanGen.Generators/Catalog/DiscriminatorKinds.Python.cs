using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class SpectralNormKind
{
    // Nothing where it stands: the twin network holds an rt.SpectralNorm per normalised layer (PythonNetworkEmitter),
    // and the layer's own Python form computes with its weight() (StepKind.PythonNormalisedWeight).
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.None;
}

internal sealed partial class FeatureMatchingKind
{
    // A marker: the twin network's features() stops here (PythonNetworkEmitter), as GanGen's Features does.
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.None;
}

internal sealed partial class MinibatchStdDevKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation($"rt.minibatch_stddev(x, {PythonNames.Int(step.Long("Group"))})");
}

internal sealed partial class MinibatchDiscriminationKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Layer(
        $"rt.MinibatchDiscrimination({PythonNames.Int(step.InputShape[0])}, {PythonNames.Int(step.Long("Kernels"))}, {PythonNames.Int(step.Long("KernelSize"))})",
        $"{PythonMember(site)}(x)");
}
