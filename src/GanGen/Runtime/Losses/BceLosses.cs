using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Losses;

/// <summary>
/// The BCE family's discriminator loss, −mean[t·log σ(r) + (1−t)·log σ(−r)] − mean log σ(−f) = BCE(σ(r), t) + BCE(σ(f), 0),
/// with real target t (t &lt; 1 is one-sided label smoothing, Salimans et al. 2016). log σ is the numerically stable form.
/// </summary>
public abstract class BceLoss : AdversarialLoss
{
    private readonly double _realLabel;
    private readonly Scalar _realTarget;
    private readonly Scalar _fakeShareOfRealTarget;

    /// <summary>Creates the loss with real target <paramref name="realLabel"/> in (0.5, 1].</summary>
    protected BceLoss(double realLabel)
    {
        if (!(realLabel > 0.5 && realLabel <= 1.0))
            throw new System.ArgumentOutOfRangeException(nameof(realLabel), realLabel, "The real label must lie in (0.5, 1].");
        _realLabel = realLabel;
        _realTarget = realLabel;
        _fakeShareOfRealTarget = 1.0 - realLabel;
    }

    /// <inheritdoc />
    public override bool ScoresAreProbabilities => true;

    /// <inheritdoc />
    public override Tensor Discriminator(Tensor realScores, Tensor fakeScores)
    {
        using var realTerm = RealLogLikelihood(realScores);
        using var negatedFake = fakeScores.neg();
        using var fakeTerm = negatedFake.log_sigmoid();
        using var fakeMean = fakeTerm.mean();
        return realTerm.mean().add_(fakeMean, One).neg_();
    }

    /// <summary>t·log σ(r) + (1 − t)·log σ(−r) per sample (log σ avoids softplus, whose binding allocates two Scalars per call).</summary>
    private Tensor RealLogLikelihood(Tensor realScores)
    {
        var term = realScores.log_sigmoid();
        if (_realLabel == 1.0) return term;
        using var negated = realScores.neg();
        using var other = negated.log_sigmoid();
        using var weighted = term.mul(_realTarget);
        term.Dispose();
        return weighted.add(other.mul_(_fakeShareOfRealTarget), One);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _realTarget.Dispose();
            _fakeShareOfRealTarget.Dispose();
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
    public override Tensor Generator(Tensor fakeScores)
    {
        using var negated = fakeScores.neg();
        using var term = negated.log_sigmoid();
        return term.mean();
    }
}

/// <summary>The non-saturating game (Goodfellow et al. 2014, §3): G minimises −mean log σ(f).</summary>
public sealed class NonSaturatingLoss : BceLoss
{
    /// <summary>Creates the loss; <paramref name="realLabel"/> below 1 is one-sided label smoothing.</summary>
    public NonSaturatingLoss(double realLabel = 1.0) : base(realLabel)
    {
    }

    /// <inheritdoc />
    public override Tensor Generator(Tensor fakeScores)
    {
        using var term = fakeScores.log_sigmoid();
        return term.mean().neg_();
    }
}
