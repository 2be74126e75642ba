using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// Batches of a dataset prepared once as a tensor [N, …], reshuffled every epoch with a generator seeded by
/// (seed, epoch). The batch for a step is a pure function of the step, so a resumed run sees exactly the data an
/// uninterrupted run would. The last incomplete batch of an epoch is dropped (drop-last).
/// </summary>
public sealed class ShuffledBatches : IDisposable
{
    private readonly Tensor _data;
    private readonly int _batchSize;
    private readonly long _seed;
    private readonly long _batchesPerEpoch;
    private Tensor? _order;
    private long _orderEpoch = -1;

    /// <summary>Takes ownership of <paramref name="data"/>.</summary>
    public ShuffledBatches(Tensor data, int batchSize, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
        if (data.size(0) < batchSize)
            throw new ArgumentException($"The dataset has {data.size(0)} samples, fewer than one batch of {batchSize}.", nameof(data));
        _data = data;
        _batchSize = batchSize;
        _seed = seed;
        _batchesPerEpoch = data.size(0) / batchSize;
    }

    /// <summary>Samples in the dataset.</summary>
    public long Count => _data.size(0);

    /// <summary>Full batches per epoch.</summary>
    public long BatchesPerEpoch => _batchesPerEpoch;

    /// <summary>The batch for <paramref name="step"/> (a new tensor the caller disposes).</summary>
    public Tensor ForStep(long step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "Steps start at 0.");
        long epoch = step / _batchesPerEpoch;
        if (epoch != _orderEpoch)
        {
            _order?.Dispose();
            using var generator = new Generator(unchecked((ulong)(_seed * 1_000_003 + epoch)));
            _order = randperm(Count, generator: generator);
            _orderEpoch = epoch;
        }
        long start = (step % _batchesPerEpoch) * _batchSize;
        using var indices = _order!.narrow(0, start, _batchSize);
        return _data.index_select(0, indices);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _order?.Dispose();
        _data.Dispose();
    }
}
