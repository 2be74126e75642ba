using static TorchSharp.torch;

namespace GanGen.Runtime.Losses;

/// <summary>
/// The BCE family's discriminator loss BCE(σ(r), t) + BCE(σ(f), 0) = −mean[t·log σ(r) + (1−t)·log σ(−r)] − mean log σ(−f),
/// with real target t (t &lt; 1 is one-sided label smoothing, Salimans et al. 2016). Each term is one call of the
/// numerically stable fused <c>binary_cross_entropy_with_logits</c> against a cached constant target.
/// </summary>
public abstract class BceLoss : AdversarialLoss
{
    private readonly TargetBuffer _realTarget;
    private readonly TargetBuffer _zeros = new(0.0);
    private readonly TargetBuffer _ones = new(1.0);

    /// <summary>Creates the loss with real target <paramref name="realLabel"/> in (0.5, 1].</summary>
    protected BceLoss(double realLabel)
    {
        if (!(realLabel > 0.5 && realLabel <= 1.0))
            throw new System.ArgumentOutOfRangeException(nameof(realLabel), realLabel, "The real label must lie in (0.5, 1].");
        RealLabel = realLabel;
        _realTarget = new TargetBuffer(realLabel);
    }

    /// <summary>The real samples' target t.</summary>
    public double RealLabel { get; }

    /// <inheritdoc />
    public override bool ScoresAreProbabilities => true;

    /// <inheritdoc />
    protected override bool HasTargets => true;

    /// <inheritdoc />
    public override Tensor Discriminator(Tensor realScores, Tensor fakeScores)
    {
        if (FlipProbability > 0) return FlippedDiscriminator(realScores, fakeScores);
        using var fakeTerm = nn.functional.binary_cross_entropy_with_logits(fakeScores, _zeros.Like(fakeScores));
        return nn.functional.binary_cross_entropy_with_logits(realScores, _realTarget.Like(realScores)).add_(fakeTerm, One);
    }

    /// <summary>BCE with each real target (t) swapped for 0 and each fake target (0) for 1 with the flip probability.</summary>
    private Tensor FlippedDiscriminator(Tensor realScores, Tensor fakeScores)
    {
        using var realTargets = FlippedTargets(realScores, RealLabel, 0.0);
        using var fakeTargets = FlippedTargets(fakeScores, 0.0, 1.0);
        using var fakeTerm = nn.functional.binary_cross_entropy_with_logits(fakeScores, fakeTargets);
        return nn.functional.binary_cross_entropy_with_logits(realScores, realTargets).add_(fakeTerm, One);
    }

    /// <summary>BCE(σ(f), 0) = −mean log σ(−f).</summary>
    protected Tensor AgainstZero(Tensor scores) => nn.functional.binary_cross_entropy_with_logits(scores, _zeros.Like(scores));

    /// <summary>BCE(σ(f), 1) = −mean log σ(f).</summary>
    protected Tensor AgainstOne(Tensor scores) => nn.functional.binary_cross_entropy_with_logits(scores, _ones.Like(scores));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _realTarget.Dispose();
            _zeros.Dispose();
            _ones.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>The original saturating minimax game (Goodfellow et al. 2014): G minimises mean log(1 − σ(f)) = mean log σ(−f).</summary>
public sealed class MinimaxLoss : BceLoss
{
    /// <summary>Creates the loss; <paramref name="realLabel"/> below 1 is one-sided label smoothing.</summary>
    public MinimaxLoss(double realLabel = 1.0) : base(realLabel)
    {
    }

    /// <inheritdoc />
    public override Tensor Generator(Tensor fakeScores) => AgainstZero(fakeScores).neg_();
}

/// <summary>The non-saturating game (Goodfellow et al. 2014, §3): G minimises −mean log σ(f).</summary>
public sealed class NonSaturatingLoss : BceLoss
{
    /// <summary>Creates the loss; <paramref name="realLabel"/> below 1 is one-sided label smoothing.</summary>
    public NonSaturatingLoss(double realLabel = 1.0) : base(realLabel)
    {
    }

    /// <inheritdoc />
    public override Tensor Generator(Tensor fakeScores) => AgainstOne(fakeScores);
}
