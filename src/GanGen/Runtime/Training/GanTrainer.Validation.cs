using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// What a batch must hold for this declaration, checked before anything touches the networks.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    private void ValidateBatch(GanBatch batch)
    {
        var data = batch.Data ?? throw new ArgumentNullException(nameof(batch), $"{Config.Name}: the batch has no data tensor.");
        RequireShape(data, Config.DataShape, "real batch", nameof(batch));
        if (data.size(0) % Config.Pack != 0)
            throw new ArgumentException(
                $"{Config.Name}: a batch of {data.size(0)} samples cannot be packed in groups of {Config.Pack} (Pack = {Config.Pack}); use a batch size that is a multiple of {Config.Pack}.",
                nameof(batch));
        var dtype = GeneratorParameters.Values.dtype;
        if (data.dtype != dtype)
            throw new ArgumentException(
                $"{Config.Name}: the real batch has dtype {data.dtype}, but the networks compute in {dtype}; convert it first (batch.to({dtype}), scaled to the declared range).",
                nameof(batch));
        if (Config.IsConditional) RequireLabels(batch.Labels, data.size(0), nameof(batch));
        if (Config.IsRefiner)
        {
            if (batch.Sources is null)
                throw new ArgumentException($"{Config.Name} is a refiner: each batch needs source samples {Config.BatchShapeText} beside the real ones.", nameof(batch));
            RequireShape(batch.Sources, Config.DataShape, "source batch", nameof(batch));
            if (batch.Sources.size(0) != data.size(0))
                throw new ArgumentException($"{Config.Name}: the batch has {data.size(0)} real samples but {batch.Sources.size(0)} sources; give one source per real sample.", nameof(batch));
        }
        AccumulateBatchSum(data);
    }

    private void RequireShape(Tensor tensor, long[] shape, string what, string parameter)
    {
        bool matches = tensor.dim() == shape.Length + 1 && tensor.size(0) > 0;
        for (int i = 0; matches && i < shape.Length; i++) matches = tensor.size(i + 1) == shape[i];
        if (!matches)
            throw new ArgumentException($"{Config.Name}: the {what} has shape {ShapeText(tensor)}, but the declared [GanData] needs {Config.BatchShapeText}.", parameter);
    }

    /// <summary>Labels of a conditional GAN: [N] int64. Their values (0 … Classes − 1) are checked where data is loaded, not per step.</summary>
    private void RequireLabels(Tensor? labels, long count, string parameter)
    {
        if (labels is null)
            throw new ArgumentException($"{Config.Name} is conditional ([GanData] declares {Config.Classes} classes): give a label per sample.", parameter);
        if (labels.dim() != 1 || labels.size(0) != count)
            throw new ArgumentException($"{Config.Name}: labels have shape {ShapeText(labels)}; expected [{count}], one class index per sample.", parameter);
        if (labels.dtype != ScalarType.Int64)
            throw new ArgumentException($"{Config.Name}: labels have dtype {labels.dtype}; class indices must be int64.", parameter);
    }

    private static string ShapeText(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

    /// <summary>A batch with every tensor on the training device; disposes only the copies it made.</summary>
    private readonly struct DeviceBatch : IDisposable
    {
        private readonly bool _movedData, _movedLabels, _movedSources;

        public DeviceBatch(GanBatch batch, Device device)
        {
            var data = Moved(batch.Data, device, out _movedData);
            var labels = batch.Labels is null ? null : Moved(batch.Labels, device, out _movedLabels);
            var sources = batch.Sources is null ? null : Moved(batch.Sources, device, out _movedSources);
            Batch = new GanBatch(data, labels, sources);
        }

        public GanBatch Batch { get; }

        public void Dispose()
        {
            if (_movedData) Batch.Data.Dispose();
            if (_movedLabels) Batch.Labels!.Dispose();
            if (_movedSources) Batch.Sources!.Dispose();
        }

        private static Tensor Moved(Tensor tensor, Device device, out bool moved)
        {
            moved = tensor.device_type != device.type || tensor.device_index != device.index;
            return moved ? tensor.to(device) : tensor;
        }
    }
}
