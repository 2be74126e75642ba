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

    /// <summary>
    /// Takes ownership of <paramref name="data"/> ([N, …], N ≥ 1) and of <paramref name="labels"/> ([N] int64), when
    /// given. <paramref name="batchSize"/> is 1 to N. A wrong argument is a <see cref="GanInputException"/> naming it;
    /// the tensors are then not taken (the caller still owns them).
    /// </summary>
    public ShuffledBatches(Tensor data, int batchSize, long seed, Tensor? labels = null)
    {
        if (data is null) throw new GanInputException(nameof(data), "is null; give the dataset as a tensor [N, …]");
        if (data.dim() < 1)
            throw new GanInputException(nameof(data), "is a scalar (0 dimensions); give the dataset as a tensor [N, …], one row per sample");
        long count = data.size(0);
        if (count < 1) throw new GanInputException(nameof(data), $"holds no samples (shape {ShapeText(data)}); a dataset needs at least 1");
        if (labels is not null && (labels.dim() != 1 || labels.size(0) != count))
            throw new GanInputException(nameof(labels), $"has shape {ShapeText(labels)}, but the dataset has {count} samples; give one label per sample, [{count}]");
        if (labels is not null && labels.dtype != ScalarType.Int64)
            throw new GanInputException(nameof(labels), $"has dtype {labels.dtype}; labels are class indices of dtype Int64");
        if (batchSize < 1 || batchSize > count)
            throw new GanInputException(nameof(batchSize),
                $"is {batchSize}; the dataset has {count} samples, so a batch holds 1 to {count}");
        _data = data;
        _labels = labels;
        _batchSize = batchSize;
        _seed = seed;
        _batchesPerEpoch = count / batchSize;
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
        if (step < 0) throw new GanInputException(nameof(step), $"is {step}; steps start at 0");
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

    private static string ShapeText(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

    /// <inheritdoc />
    public void Dispose()
    {
        _order?.Dispose();
        _data.Dispose();
        _labels?.Dispose();
    }
}
