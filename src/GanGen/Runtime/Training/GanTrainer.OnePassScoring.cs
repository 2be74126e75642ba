using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    private Tensor? _pair;
    private Tensor? _pairReal;
    private Tensor? _pairFake;

    /// <summary>
    /// Scores a real and a (detached) fake batch with one discriminator pass over both, stacked in a persistent
    /// [2N, …] buffer: half the kernel launches and autograd nodes of two passes, the same scores. Generated code
    /// calls it only for discriminators the compiler proved sample-independent (no batch statistics); a fake batch
    /// of another size, or one that still carries a graph (copying it into the buffer would cut that graph), falls
    /// back to two passes.
    /// </summary>
    /// <param name="real">Real batch [N, …data shape] on <see cref="Device"/>.</param>
    /// <param name="fake">Fake batch without a graph, normally [N, …data shape].</param>
    /// <param name="realScores">Scores of the real samples (a view of the joint output).</param>
    /// <param name="fakeScores">Scores of the fake samples (a view of the joint output).</param>
    protected void ScoreInOnePass(Tensor real, Tensor fake, out Tensor realScores, out Tensor fakeScores)
    {
        System.ArgumentNullException.ThrowIfNull(real);
        System.ArgumentNullException.ThrowIfNull(fake);
        long count = real.size(0);
        if (fake.size(0) != count || fake.requires_grad)
        {
            realScores = ScoreWithDiscriminator(real, null);
            fakeScores = ScoreWithDiscriminator(fake, null);
            return;
        }
        EnsurePairBuffer(real);
        // Safe to overwrite: the previous step's backward has already consumed what autograd saved of this buffer.
        _pairReal!.copy_(real);
        _pairFake!.copy_(fake);
        using var scores = ScoreWithDiscriminator(_pair!, null);
        realScores = scores.narrow(0, 0, count);
        fakeScores = scores.narrow(0, count, count);
    }

    private void EnsurePairBuffer(Tensor real)
    {
        long count = real.size(0);
        if (_pair is not null && _pair.size(0) == 2 * count && _pair.dtype == real.dtype) return;
        DisposePairBuffer();
        var shape = real.shape;
        shape[0] = 2 * count;
        _pair = empty(shape, dtype: real.dtype, device: Device).DetachFromDisposeScope();
        _pairReal = _pair.narrow(0, 0, count).DetachFromDisposeScope();
        _pairFake = _pair.narrow(0, count, count).DetachFromDisposeScope();
    }

    private void DisposePairBuffer()
    {
        _pairReal?.Dispose();
        _pairFake?.Dispose();
        _pair?.Dispose();
        _pair = _pairReal = _pairFake = null;
    }
}
