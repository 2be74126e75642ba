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
        if (disposing) One.Dispose();
    }
}
