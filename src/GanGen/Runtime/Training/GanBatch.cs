using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

/// <summary>
/// One training batch: the real samples and what the declaration says travels with them — a class label per sample
/// for conditional GANs, a source sample per sample for refiner GANs. A plain tensor converts to a batch of data alone.
/// </summary>
/// <remarks>
/// A struct, so passing a batch allocates nothing. It owns nothing either, unless the producer hands it over:
/// <see cref="Dispose"/> disposes all its tensors, which is what a data source's consumer (e.g. a training run) calls.
/// </remarks>
public readonly struct GanBatch : IDisposable
{
    /// <summary>A batch of real samples [N, …data shape], with optional labels [N] (int64) and sources [N, …data shape].</summary>
    public GanBatch(Tensor data, Tensor? labels = null, Tensor? sources = null)
    {
        Data = data ?? throw new ArgumentNullException(nameof(data));
        Labels = labels;
        Sources = sources;
    }

    /// <summary>The real samples, [N, …data shape].</summary>
    public Tensor Data { get; }

    /// <summary>Each sample's class, [N] int64 in [0, classes), for conditional GANs.</summary>
    public Tensor? Labels { get; }

    /// <summary>The source samples a refiner transforms, [N, …data shape].</summary>
    public Tensor? Sources { get; }

    /// <summary>Number of samples.</summary>
    public long Count => Data.size(0);

    /// <summary>A batch of real samples alone.</summary>
    public static implicit operator GanBatch(Tensor data) => new(data);

    /// <summary>The same labels and sources with other data (a packed or moved view of it).</summary>
    public GanBatch WithData(Tensor data) => new(data, Labels, Sources);

    /// <summary>Disposes the data, labels and sources.</summary>
    public void Dispose()
    {
        Data?.Dispose();
        Labels?.Dispose();
        Sources?.Dispose();
    }
}
