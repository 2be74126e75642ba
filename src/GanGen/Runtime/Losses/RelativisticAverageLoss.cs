using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Losses;

/// <summary>
/// The relativistic average losses (Jolicoeur-Martineau 2018): with r̃ = C(x_r) − E C(x_f) and f̃ = C(x_f) − E C(x_r),
/// RaSGAN: D −E log σ(r̃) − E log(1 − σ(f̃)), G the same with r̃ and f̃ swapped; RaLSGAN: D E(r̃ − 1)² + E(f̃ + 1)²;
/// RaHingeGAN: D E relu(1 − r̃) + E relu(1 + f̃). The generator's loss mirrors the discriminator's, so it reads the
/// real samples' scores too.
/// </summary>
public sealed class RelativisticAverageLoss : AdversarialLoss
{
    private readonly GanLoss _base;
    private readonly TargetBuffer _realTarget;
    private readonly TargetBuffer _zeros = new(0.0);
    private readonly TargetBuffer _ones = new(1.0);

    /// <summary>The relativistic average form of <paramref name="baseLoss"/>; <paramref name="realLabel"/> is the BCE family's real target.</summary>
    public RelativisticAverageLoss(GanLoss baseLoss, double realLabel = 1.0)
    {
        if (baseLoss == GanLoss.Wasserstein)
            throw new ArgumentException("The Wasserstein loss is relativistic already (Jolicoeur-Martineau 2018, §4.3); declare it without [Relativistic].", nameof(baseLoss));
        if (!(realLabel > 0.5 && realLabel <= 1.0)) throw new ArgumentOutOfRangeException(nameof(realLabel), realLabel, "The real label must lie in (0.5, 1].");
        _base = baseLoss;
        _realTarget = new TargetBuffer(realLabel);
    }

    /// <inheritdoc />
    public override bool GeneratorNeedsRealScores => true;

    /// <inheritdoc />
    public override bool ScoresAreProbabilities => _base is GanLoss.Minimax or GanLoss.NonSaturating;

    /// <inheritdoc />
    public override Tensor Discriminator(Tensor realScores, Tensor fakeScores) => Relative(realScores, fakeScores, discriminator: true);

    /// <inheritdoc />
    public override Tensor Generator(Tensor fakeScores) =>
        throw new InvalidOperationException("A relativistic generator loss needs the real samples' scores; call Generator(fakeScores, realScores).");

    /// <inheritdoc />
    public override Tensor Generator(Tensor fakeScores, Tensor realScores) => Relative(fakeScores, realScores, discriminator: false);

    /// <summary>The loss that pushes <paramref name="up"/> above the average of <paramref name="down"/> and <paramref name="down"/> below the average of <paramref name="up"/>.</summary>
    private Tensor Relative(Tensor up, Tensor down, bool discriminator)
    {
        using var upMean = up.mean();
        using var downMean = down.mean();
        using var upRelative = up.sub(downMean);
        using var downRelative = down.sub(upMean);
        switch (_base)
        {
            case GanLoss.LeastSquares:
            {
                using var upGap = upRelative.sub(One);
                using var downGap = downRelative.add(One);
                using var upSquares = upGap.square();
                using var downSquares = downGap.square();
                using var downTerm = downSquares.mean();
                return upSquares.mean().add_(downTerm, One);
            }
            case GanLoss.Hinge:
            {
                using var upMargin = upRelative.neg().add_(One, One).relu_();
                using var downMargin = downRelative.add(One, One).relu_();
                using var downTerm = downMargin.mean();
                return upMargin.mean().add_(downTerm, One);
            }
            default:
            {
                var upTarget = discriminator ? _realTarget.Like(upRelative) : _ones.Like(upRelative);
                using var downTerm = nn.functional.binary_cross_entropy_with_logits(downRelative, _zeros.Like(downRelative));
                return nn.functional.binary_cross_entropy_with_logits(upRelative, upTarget).add_(downTerm, One);
            }
        }
    }

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
