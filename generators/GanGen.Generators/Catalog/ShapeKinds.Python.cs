using System.Collections.Generic;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class ReshapeKind
{
    public override PythonStep Python(StepSpec step, StepSite site)
    {
        var sizes = new List<string> { "-1" };
        foreach (int dimension in step.Dimensions) sizes.Add(PythonNames.Int(dimension));
        return PythonStep.Operation($"x.reshape({string.Join(", ", sizes)})");
    }
}

internal sealed partial class FlattenKind
{
    public override PythonStep Python(StepSpec step, StepSite site) => PythonStep.Operation("x.flatten(1)");
}

internal sealed partial class UpsampleKind
{
    // A scale-factor pair, as TorchSharp passes it, so both compute source pixels from the same scale.
    public override PythonStep Python(StepSpec step, StepSite site)
    {
        string scale = PythonNames.Float(step.Long("Scale"));
        return PythonStep.Operation(step.Long("Mode") == (long)UpsampleMode.Bilinear
            ? $"F.interpolate(x, scale_factor=({scale}, {scale}), mode=\"bilinear\", align_corners=False)"
            : $"F.interpolate(x, scale_factor=({scale}, {scale}), mode=\"nearest\")");
    }
}

internal abstract partial class PoolingKind
{
    public override PythonStep Python(StepSpec step, StepSite site)
    {
        string kernel = PythonNames.Int(step.Long("Kernel")), stride = PythonNames.Int(Stride(step)), padding = PythonNames.Int(step.Long("Padding"));
        return PythonStep.Operation($"F.{_function}(x, ({kernel}, {kernel}), ({stride}, {stride}), ({padding}, {padding}))");
    }
}
