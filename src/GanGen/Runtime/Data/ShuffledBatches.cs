using System;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// Batches of a dataset prepared once as a tensor [N, …], reshuffled every epoch with a generator seeded by
/// (seed, epoch). The batch for a step is a pure function of the step, so a resumed run sees exactly the data an
/// uninterrupted run would. The last incomplete batch of an epoch is dropped (drop-last). With labels, each batch
/// carries its samples' labels (<see cref="BatchForStep"/>), for conditional GANs.
/// </summary>
public sealed class ShuffledBatches : IDisposable
{
    private readonly Tensor _data;
    private readonly Tensor? _labels;
    private readonly int _batchSize;
    private readonly long _seed;
    private readonly long _batchesPerEpoch;
    private Tensor? _order;
    private long _orderEpoch = -1;

    /// <summary>Takes ownership of <paramref name="data"/> and of <paramref name="labels"/> ([N] int64), when given.</summary>
    public ShuffledBatches(Tensor data, int batchSize, long seed, Tensor? labels = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (labels is not null && (labels.dim() != 1 || labels.size(0) != data.size(0)))
            throw new ArgumentException($"The dataset has {data.size(0)} samples but labels of shape [{string.Join(", ", labels.shape)}]; give one label per sample.", nameof(labels));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
        if (data.size(0) < batchSize)
            throw new ArgumentException($"The dataset has {data.size(0)} samples, fewer than one batch of {batchSize}.", nameof(data));
        _data = data;
        _labels = labels;
        _batchSize = batchSize;
        _seed = seed;
        _batchesPerEpoch = data.size(0) / batchSize;
    }

    /// <summary>Samples in the dataset.</summary>
    public long Count => _data.size(0);

    /// <summary>Full batches per epoch.</summary>
    public long BatchesPerEpoch => _batchesPerEpoch;

    /// <summary>The dataset's labels, when it has them.</summary>
    public Tensor? Labels => _labels;

    /// <summary>The batch for <paramref name="step"/> (a new tensor the caller disposes).</summary>
    public Tensor ForStep(long step)
    {
        using var indices = IndicesFor(step);
        return _data.index_select(0, indices);
    }

    /// <summary>The batch for <paramref name="step"/> with its samples' labels when the dataset has them (new tensors the caller disposes).</summary>
    public GanBatch BatchForStep(long step)
    {
        using var indices = IndicesFor(step);
        return new GanBatch(_data.index_select(0, indices), _labels?.index_select(0, indices));
    }

    private Tensor IndicesFor(long step)
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
        return _order!.narrow(0, start, _batchSize);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _order?.Dispose();
        _data.Dispose();
        _labels?.Dispose();
    }
}
