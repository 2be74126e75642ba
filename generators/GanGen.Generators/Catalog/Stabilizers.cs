using System.Collections.Generic;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[R1(γ, Every)]: the penalty on real samples' gradients, in the discriminator's loss.</summary>
internal sealed partial class R1Kind : RegularizerKind
{
    public R1Kind() : base(typeof(R1Attribute))
    {
    }

    public override string RuntimeType => Runtime + "SampleGradientPenalty";

    public override string ConstructorArguments(RegularizerSpec spec) => $"gamma: {Literals.Double(spec["Gamma"])}, every: {Literals.Int((long)spec["Every"])}";

    public override string DiscriminatorTerm(RegularizerSpec spec) => $"{Field}.Compute(this, real.Data, real.Labels, base.StepCount)";

    public override string Describe(RegularizerSpec spec) => $"R1 penalty γ = {Literals.Double(spec["Gamma"])}{Lazy(spec)}";

    internal static string Lazy(RegularizerSpec spec) => spec["Every"] > 1
        ? $", every {Literals.Int((long)spec["Every"])} steps (the discriminator's learning rate × {Literals.Int((long)spec["Every"])}/{Literals.Int((long)spec["Every"] + 1)}, Adam's β to that power, as StyleGAN2)"
        : string.Empty;
}

/// <summary>[R2(γ, Every)]: the penalty on generated samples' gradients, in the discriminator's loss.</summary>
internal sealed partial class R2Kind : RegularizerKind
{
    public R2Kind() : base(typeof(R2Attribute))
    {
    }

    public override string RuntimeType => Runtime + "SampleGradientPenalty";

    public override string ConstructorArguments(RegularizerSpec spec) => $"gamma: {Literals.Double(spec["Gamma"])}, every: {Literals.Int((long)spec["Every"])}";

    public override string DiscriminatorTerm(RegularizerSpec spec) => $"{Field}.Compute(this, fake, real.Labels, base.StepCount)";

    public override string Describe(RegularizerSpec spec) => $"R2 penalty γ = {Literals.Double(spec["Gamma"])}{R1Kind.Lazy(spec)}";
}

/// <summary>[DraganPenalty(λ, Spread)]: the gradient penalty around perturbed real samples.</summary>
internal sealed partial class DraganPenaltyKind : RegularizerKind
{
    public DraganPenaltyKind() : base(typeof(DraganPenaltyAttribute))
    {
    }

    public override string RuntimeType => Runtime + "DraganPenalty";

    public override string ConstructorArguments(RegularizerSpec spec) => $"weight: {Literals.Double(spec["Weight"])}, spread: {Literals.Double(spec["Spread"])}";

    public override string DiscriminatorTerm(RegularizerSpec spec) => $"{Field}.Compute(this, real.Data, real.Labels)";

    public override string Describe(RegularizerSpec spec) => $"DRAGAN penalty λ = {Literals.Double(spec["Weight"])}";

    public override void Check(RegularizerUse use, ValidationContext context)
    {
        use.Excludes(typeof(GradientPenaltyAttribute), "both pull the gradient norm to 1, one between data and fakes, the other around the data", context);
        use.Excludes(typeof(WeightClipAttribute), GradientPenaltyKind.ClippingFightsPenalty, context);
    }
}

/// <summary>[WeightPenalty(λ)]: an L2 penalty on the discriminator's weights, as its gradient.</summary>
internal sealed partial class WeightPenaltyKind : RegularizerKind
{
    public WeightPenaltyKind() : base(typeof(WeightPenaltyAttribute))
    {
    }

    public override string RuntimeType => Runtime + "WeightPenalty";

    public override string ConstructorArguments(RegularizerSpec spec) => $"weight: {Literals.Double(spec["Weight"])}";

    public override string BeforeDiscriminatorStep(RegularizerSpec spec) => $"{Field}.Apply(base.DiscriminatorParameters);";

    public override string Describe(RegularizerSpec spec) => $"L2 penalty λ = {Literals.Double(spec["Weight"])} on the discriminator's weights";
}

/// <summary>[GradientClip(MaxNorm, Networks)]: gradient-norm clipping before each optimizer step.</summary>
internal sealed partial class GradientClipKind : RegularizerKind
{
    public GradientClipKind() : base(typeof(GradientClipAttribute))
    {
    }

    public override string RuntimeType => Runtime + "GradientClip";

    public override string ConstructorArguments(RegularizerSpec spec) => $"maxNorm: {Literals.Double(spec["MaxNorm"])}";

    public override string? BeforeDiscriminatorStep(RegularizerSpec spec) =>
        (TargetNetworks)(int)spec["Networks"] == TargetNetworks.Generator ? null : $"{Field}.Apply(base.DiscriminatorParameters);";

    public override string? BeforeGeneratorStep(RegularizerSpec spec) =>
        (TargetNetworks)(int)spec["Networks"] == TargetNetworks.Discriminator ? null : $"{Field}.Apply(base.GeneratorParameters);";

    public override string Describe(RegularizerSpec spec) =>
        $"gradient norms clipped to {Literals.Double(spec["MaxNorm"])} ({(TargetNetworks)(int)spec["Networks"]})";
}

/// <summary>[InstanceNoise(σ, Steps, Annealing)]: annealed Gaussian noise on every discriminator input.</summary>
internal sealed partial class InstanceNoiseKind : RegularizerKind
{
    public InstanceNoiseKind() : base(typeof(InstanceNoiseAttribute))
    {
    }

    public override string RuntimeType => Runtime + "InstanceNoise";

    public override bool RuntimeIsDisposable => false;

    public override string ConstructorArguments(RegularizerSpec spec) =>
        $"sigma: {Literals.Double(spec["Sigma"])}, steps: {Literals.Int((long)spec["Steps"])}, annealing: global::GanGen.Annealing.{(Annealing)(int)spec["Annealing"]}";

    public override string DiscriminatorInput(RegularizerSpec spec) => $"{Field}.Apply(samples, base.StepCount)";

    public override string Describe(RegularizerSpec spec) =>
        $"instance noise σ = {Literals.Double(spec["Sigma"])} annealed {((Annealing)(int)spec["Annealing"]).ToString().ToLowerInvariant()}ly over {Literals.Int((long)spec["Steps"])} steps";
}

/// <summary>[LabelFlip(p)]: each discriminator target swapped with probability p (an option of the loss).</summary>
internal sealed partial class LabelFlipKind : RegularizerKind
{
    public LabelFlipKind() : base(typeof(LabelFlipAttribute))
    {
    }

    public override string LossOption(RegularizerSpec spec) => $"FlipProbability = {Literals.Double(spec["Probability"])}";

    public override string Describe(RegularizerSpec spec) => $"label flipping with probability {Literals.Double(spec["Probability"])}";

    public override void Check(RegularizerUse use, ValidationContext context)
    {
        use.RequiresLoss("only the BCE family and least squares compare scores with targets to flip", context,
            GanLoss.Minimax, GanLoss.NonSaturating, GanLoss.LeastSquares);
        use.Excludes(typeof(RelativisticAttribute), "a relativistic loss compares real and fake scores with each other, not with targets", context);
    }
}

/// <summary>[Relativistic]: the relativistic average form of the declared loss (the loss catalog builds it).</summary>
internal sealed partial class RelativisticKind : RegularizerKind
{
    public RelativisticKind() : base(typeof(RelativisticAttribute))
    {
    }

    public override string Describe(RegularizerSpec spec) => "relativistic average loss";

    public override void Check(RegularizerUse use, ValidationContext context) =>
        use.RequiresLoss("the Wasserstein critic is relativistic already (Jolicoeur-Martineau 2018, §4.3); the form exists for the BCE, least-squares and hinge losses", context,
            GanLoss.Minimax, GanLoss.NonSaturating, GanLoss.LeastSquares, GanLoss.Hinge);
}

/// <summary>[Unrolled(k)]: the generator's loss against a discriminator k updates ahead (a schedule setting).</summary>
internal sealed partial class UnrolledKind : RegularizerKind
{
    public UnrolledKind() : base(typeof(UnrolledAttribute))
    {
    }

    public override IEnumerable<string> DeclarationArguments(RegularizerSpec spec)
    {
        yield return $"UnrollSteps: {Literals.Int((long)spec["Steps"])}";
    }

    public override string Describe(RegularizerSpec spec) => $"unrolled {Literals.Int((long)spec["Steps"])} discriminator updates ahead";

    // The look-ahead updates are rolled back for the discriminator's weights and optimizer only: state a regulariser
    // keeps across updates would carry the look-ahead's traces into the real update.
    public override void Check(RegularizerUse use, ValidationContext context)
    {
        use.Excludes(typeof(ImageHistoryAttribute), "the look-ahead updates would fill the history, which is not rolled back with the discriminator", context);
        use.Excludes(typeof(LeCamAttribute), "the look-ahead updates would move LeCam's moving averages, which are not rolled back with the discriminator", context);
    }
}

/// <summary>[AdaptiveSchedule(Ratio, MaxSteps)]: extra updates for the lagging network (a schedule setting).</summary>
internal sealed partial class AdaptiveScheduleKind : RegularizerKind
{
    public AdaptiveScheduleKind() : base(typeof(AdaptiveScheduleAttribute))
    {
    }

    public override IEnumerable<string> DeclarationArguments(RegularizerSpec spec)
    {
        yield return $"AdaptiveRatio: {Literals.Double(spec["Ratio"])}";
        yield return $"AdaptiveMaxSteps: {Literals.Int((long)spec["MaxSteps"])}";
    }

    public override string Describe(RegularizerSpec spec) =>
        $"adaptive schedule: up to {Literals.Int((long)spec["MaxSteps"])} extra updates while a loss is {Literals.Double(spec["Ratio"])}× the other";

    public override void Check(RegularizerUse use, ValidationContext context)
    {
        if (!LossCatalog.IsNonNegative(use.Loss, use.Has(typeof(RelativisticAttribute))))
            context.Report(DiagnosticDescriptors.RegularizerNotApplicable, use.Declaration.Location, use.Declaration.Name,
                $"it compares the two losses as positive numbers, but the {use.Loss} generator's loss {NegativeLoss(use.Loss)}; " +
                "use the NonSaturating or LeastSquares loss, or a [Relativistic] one");
    }

    private static string NegativeLoss(GanLoss loss) => loss == GanLoss.Minimax
        ? "log(1 − D(G(z))) is negative"
        : "−E C(G(z)) takes either sign and has no common scale with the discriminator's";
}
