using System.Collections.Generic;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class SpectralNormKind
{
    // Nothing where it stands: the layer on the same property divides its weight by ‖W v‖ in its own ONNX form
    // (StepKind.SpectralArgument), as its TorchSharp forward does with site.NormalisedWeight.
    public override string Onnx(StepSpec step, StepSite site) => NoOnnxNode;
}

internal sealed partial class FeatureMatchingKind
{
    // A marker: the scores pass through unchanged; only the twin's generator loss reads the features it marks.
    public override string Onnx(StepSpec step, StepSite site) => NoOnnxNode;
}

internal sealed partial class MinibatchStdDevKind
{
    // The builder needs the per-sample shape to tile the statistic over an image's height and width.
    public override string Onnx(StepSpec step, StepSite site)
    {
        var shape = new List<long>(step.InputShape);
        return $"graph.MinibatchStdDev(x, {Literals.Long(step.Long("Group"))}, new long[] {Literals.LongArrayInitializer(shape)})";
    }
}

internal sealed partial class MinibatchDiscriminationKind
{
    public override string Onnx(StepSpec step, StepSite site) => $"graph.MinibatchDiscrimination(x, {site.Module}, {OnnxName(site)})";
}
