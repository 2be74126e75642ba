using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// PacGAN packing (Lin et al. 2018): the discriminator judges Pack samples at once.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    private long[]? _packedShape;

    /// <summary>
    /// Views a batch [N, d0, d1, …] as [N / Pack, Pack·d0, d1, …] — consecutive samples joined along their first
    /// dimension, the packed input the discriminator was declared for. Returns <paramref name="batch"/> itself when
    /// Pack is 1, so unpacked training creates nothing.
    /// </summary>
    private Tensor PackForDiscriminator(Tensor batch)
    {
        int pack = Config.Pack;
        if (pack == 1) return batch;
        var dataShape = Config.DataShape;
        _packedShape ??= new long[dataShape.Length + 1];
        _packedShape[0] = batch.size(0) / pack;
        _packedShape[1] = dataShape[0] * pack;
        for (int i = 1; i < dataShape.Length; i++) _packedShape[i + 1] = dataShape[i];
        return batch.reshape(_packedShape);
    }
}
