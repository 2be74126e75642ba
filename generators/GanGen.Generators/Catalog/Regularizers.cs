using GanGen.Generators.Diagnostics;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[GradientPenalty(λ)]: WGAN-GP's penalty on interpolates, in the discriminator's loss.</summary>
internal sealed partial class GradientPenaltyKind : RegularizerKind
{
    public GradientPenaltyKind() : base(typeof(GradientPenaltyAttribute))
    {
    }

    public override string RuntimeType => Runtime + "GradientPenalty";

    public override string ConstructorArguments(RegularizerSpec spec) => $"weight: {Literals.Double(spec["Weight"])}";

    public override string DiscriminatorTerm(RegularizerSpec spec) => $"{Field}.Compute(this, real.Data, fake, real.Labels)";

    public override string Describe(RegularizerSpec spec) => $"gradient penalty λ = {Literals.Double(spec["Weight"])}";

    public override void Check(RegularizerUse use, ValidationContext context)
    {
        use.Excludes(typeof(WeightClipAttribute), ClippingFightsPenalty, context);
    }

    /// <summary>Why clipping cannot join a penalty that pulls the gradient norm to 1 (WGAN-GP's or DRAGAN's).</summary>
    internal const string ClippingFightsPenalty = "both make the critic Lipschitz, and clipping fights the penalty's gradients (Gulrajani et al. 2017, §3)";
}

/// <summary>[WeightClip(c)]: WGAN's clamp of every discriminator parameter after its update.</summary>
internal sealed partial class WeightClipKind : RegularizerKind
{
    public WeightClipKind() : base(typeof(WeightClipAttribute))
    {
    }

    public override string RuntimeType => Runtime + "WeightClip";

    public override string ConstructorArguments(RegularizerSpec spec) => $"bound: {Literals.Double(spec["Bound"])}";

    public override string AfterDiscriminatorUpdate(RegularizerSpec spec) => $"{Field}.Apply(base.DiscriminatorParameters);";

    public override string Describe(RegularizerSpec spec) => $"weight clipping to ±{Literals.Double(spec["Bound"])}";
}

/// <summary>[SelfRegularization(λ, Distance)]: SimGAN's distance between refined and source, in the refiner's loss.</summary>
internal sealed partial class SelfRegularizationKind : RegularizerKind
{
    public SelfRegularizationKind() : base(typeof(SelfRegularizationAttribute))
    {
    }

    public override string RuntimeType => Runtime + "SelfRegularization";

    public override string ConstructorArguments(RegularizerSpec spec) =>
        $"weight: {Literals.Double(spec["Weight"])}, distance: global::GanGen.Distance.{(Distance)(int)spec["Distance"]}";

    public override string GeneratorTerm(RegularizerSpec spec) => $"{Field}.Compute(fake, real.Sources!)";

    public override string Describe(RegularizerSpec spec) => $"self-regularisation {(Distance)(int)spec["Distance"]} λ = {Literals.Double(spec["Weight"])}";

    public override void Check(RegularizerUse use, ValidationContext context)
    {
        if (use.Input != GeneratorInput.Source)
            context.Report(DiagnosticDescriptors.RegularizerNotApplicable, use.Declaration.Location, Name,
                "it measures how far a refined sample moved from its source, but the generator draws noise; declare [GanGenerator(Input = GeneratorInput.Source)]");
    }
}

/// <summary>[ImageHistory(Share, Capacity)]: SimGAN's buffer of earlier fakes mixed into the discriminator's batches.</summary>
internal sealed partial class ImageHistoryKind : RegularizerKind
{
    public ImageHistoryKind() : base(typeof(ImageHistoryAttribute))
    {
    }

    public override string RuntimeType => Runtime + "ImageHistory";

    public override string ConstructorArguments(RegularizerSpec spec) =>
        $"share: {Literals.Double(spec["Share"])}, capacity: {Literals.Int((long)spec["Capacity"])}";

    public override string DiscriminatorFakes(RegularizerSpec spec) => $"{Field}.Mix(fake)";

    public override bool HasState => true;

    public override string Describe(RegularizerSpec spec) =>
        $"image history: {Literals.Double(spec["Share"] * 100)} % of each fake batch from {Literals.Int((long)spec["Capacity"])} earlier samples";

    public override void Check(RegularizerUse use, ValidationContext context)
    {
        if (use.Conditioned)
            context.Report(DiagnosticDescriptors.RegularizerNotApplicable, use.Declaration.Location, Name,
                "the history keeps samples without their labels, so a conditional network could not be given them; remove it or the conditioning");
    }
}
