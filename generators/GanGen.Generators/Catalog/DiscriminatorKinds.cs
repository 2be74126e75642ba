using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[SpectralNorm]: divides the weight of the layer on the same property by its largest singular value.</summary>
internal sealed partial class SpectralNormKind : StepKind
{
    public SpectralNormKind() : base(typeof(SpectralNormAttribute))
    {
    }

    public override ShapeResult Infer(StepValues step, long[] input) => ShapeResult.Ok(input);

    // The layer's own forward uses the normalised weight (see StepSite.NormalisedWeight); nothing runs here.
    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.None;

    public override string Describe(StepSpec step) => "spectral norm";
}

/// <summary>[FeatureMatching(Weight)]: marks the discriminator's features for the generator's feature-matching term.</summary>
internal sealed partial class FeatureMatchingKind : StepKind
{
    public FeatureMatchingKind() : base(typeof(FeatureMatchingAttribute))
    {
    }

    public override string DiscriminatorOnlyReason => "it marks the discriminator features the generator's samples are matched on";

    public override ShapeResult Infer(StepValues step, long[] input) => ShapeResult.Ok(input);

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.None;

    public override string Describe(StepSpec step) => $"features matched (weight {Literals.Double(step["Weight"])})";
}

/// <summary>[MinibatchStdDev(Group)]: appends the batch's average standard deviation as a channel or feature.</summary>
internal sealed partial class MinibatchStdDevKind : StepKind
{
    public MinibatchStdDevKind() : base(typeof(MinibatchStdDevAttribute))
    {
    }

    public override bool CouplesSamples => true;

    public override string DiscriminatorOnlyReason => "it shows a discriminator how varied its batch is; a generator gains nothing from it";

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        if (input.Length is not (1 or 3))
            return ShapeResult.Fail($"MinibatchStdDev appends a feature to [features] or a channel to [channels, height, width], not to {Shapes.Format(input)}");
        var output = (long[])input.Clone();
        output[0] += 1;
        return ShapeResult.Ok(output);
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) =>
        ForwardCode.New($"global::GanGen.Runtime.Networks.BatchStatistics.MinibatchStdDev(x, {Literals.Long(step.Long("Group"))})");

    public override string Describe(StepSpec step) => $"MinibatchStdDev (groups of {step.Long("Group")})";
}

/// <summary>[MinibatchDiscrimination(Kernels, KernelSize)]: appends each sample's similarity to the rest of the batch.</summary>
internal sealed partial class MinibatchDiscriminationKind : StepKind
{
    public MinibatchDiscriminationKind() : base(typeof(MinibatchDiscriminationAttribute))
    {
    }

    public override string ModuleType => "global::GanGen.Runtime.Networks.MinibatchDiscrimination";

    public override bool CouplesSamples => true;

    public override string DiscriminatorOnlyReason => "it compares each sample with the rest of its batch for a discriminator; a generator gains nothing from it";

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        if (input.Length != 1)
            return ShapeResult.Fail($"MinibatchDiscrimination takes flat [features], not {Shapes.Format(input)}; flatten it first, e.g. [Flatten]");
        long kernels = step.Long("Kernels"), size = step.Long("KernelSize");
        return ShapeResult.Ok(new[] { input[0] + kernels }, input[0] * kernels * size);
    }

    public override string Construct(StepSpec step, StepSite site) =>
        $"new {ModuleType}({Literals.Long(step.InputShape[0])}, {Literals.Long(step.Long("Kernels"))}, {Literals.Long(step.Long("KernelSize"))})";

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{site.Module}.forward(x)");

    public override string Describe(StepSpec step) =>
        $"MinibatchDiscrimination {step.InputShape[0]} → +{step.Long("Kernels")} (kernels of {step.Long("KernelSize")})";
}
