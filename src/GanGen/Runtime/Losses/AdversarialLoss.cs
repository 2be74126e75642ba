using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Losses;

/// <summary>
/// An adversarial loss on raw discriminator outputs (logits or critic scores), one subclass per <see cref="GanLoss"/>.
/// Generated trainers hold the one they declare. Every intermediate is disposed as soon as it is used (the autograd
/// graph keeps what backward needs), so a training step needs no dispose scope.
/// </summary>
public abstract class AdversarialLoss : IDisposable
{
    /// <summary>1.</summary>
    protected Scalar One { get; } = 1.0;

    /// <summary>The discriminator's (critic's) loss on real and fake scores.</summary>
    public abstract Tensor Discriminator(Tensor realScores, Tensor fakeScores);

    /// <summary>The generator's loss on the scores of its samples.</summary>
    public abstract Tensor Generator(Tensor fakeScores);

    /// <summary>
    /// The generator's loss when it also depends on the real samples' scores (relativistic losses); others ignore
    /// <paramref name="realScores"/>.
    /// </summary>
    public virtual Tensor Generator(Tensor fakeScores, Tensor realScores) => Generator(fakeScores);

    /// <summary>True when the generator's loss reads real samples' scores (the trainer then scores the real batch in the generator's update too).</summary>
    public virtual bool GeneratorNeedsRealScores => false;

    /// <summary>
    /// The chance each target in the discriminator's loss is swapped (label flipping); 0: none. Only losses with
    /// targets (the BCE family, least squares) take it.
    /// </summary>
    public double FlipProbability
    {
        get => _flipProbability;
        init
        {
            if (!(value >= 0 && value < 0.5)) throw new ArgumentOutOfRangeException(nameof(value), value, "The flip probability must lie in [0, 0.5).");
            if (value > 0 && !HasTargets) throw new InvalidOperationException($"{GetType().Name} has no targets to flip.");
            _flipProbability = value;
            _flip?.Dispose();
            _flip = value;
        }
    }

    private double _flipProbability;
    private Scalar? _flip;

    /// <summary>True for losses that compare scores with targets (label flipping applies).</summary>
    protected virtual bool HasTargets => false;

    /// <summary>
    /// Per-sample targets shaped like <paramref name="scores"/>: <paramref name="target"/>, swapped for
    /// <paramref name="swapped"/> with probability <see cref="FlipProbability"/> each (from the global generator).
    /// </summary>
    public Tensor FlippedTargets(Tensor scores, double target, double swapped)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var flipped = rand_like(scores).lt_(_flip ?? throw new InvalidOperationException("No flip probability is set."));
        // target + (swapped − target)·flip, in place on the mask.
        return flipped.mul_(swapped - target).add_(target);
    }

    /// <summary>True when scores are logits read as probabilities (the BCE family), for reporting D(x) and D(G(z)).</summary>
    public virtual bool ScoresAreProbabilities => false;

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the cached scalars.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        One.Dispose();
        _flip?.Dispose();
    }
}
