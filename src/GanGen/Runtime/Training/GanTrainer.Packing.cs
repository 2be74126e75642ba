using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// PacGAN packing (Lin et al. 2018): the discriminator judges Pack samples at once.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    private long[]? _packedShape;

    /// <summary>
    /// Views a batch [N, d0, d1, …] as [N / Pack, Pack·d0, d1, …] — consecutive samples joined along their first
    /// dimension, the packed input the discriminator was declared for. With Pack 1 it is the batch itself, so
    /// unpacked training creates nothing.
    /// </summary>
    private PackedBatch Pack(Tensor batch)
    {
        int pack = Config.Pack;
        if (pack == 1) return new PackedBatch(batch, owned: false);
        var dataShape = Config.DataShape;
        _packedShape ??= new long[dataShape.Length + 1];
        _packedShape[0] = batch.size(0) / pack;
        _packedShape[1] = dataShape[0] * pack;
        for (int i = 1; i < dataShape.Length; i++) _packedShape[i + 1] = dataShape[i];
        return new PackedBatch(batch.reshape(_packedShape), owned: true);
    }

    /// <summary>A batch as the discriminator takes it; disposes the packed view, never the caller's batch.</summary>
    private readonly struct PackedBatch : IDisposable
    {
        private readonly bool _owned;

        public PackedBatch(Tensor tensor, bool owned)
        {
            Tensor = tensor;
            _owned = owned;
        }

        public Tensor Tensor { get; }

        public void Dispose()
        {
            if (_owned) Tensor.Dispose();
        }
    }
}
