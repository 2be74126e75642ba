using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// Sampling: evaluation-mode generation from fresh, fixed or given noise.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    /// <summary>
    /// Draws <paramref name="count"/> samples from the generator (evaluation mode, no gradient). The noise comes from
    /// a random generator of its own, seeded from the trainer's seed, so sampling to monitor a run — however often —
    /// leaves the training run itself unchanged.
    /// </summary>
    public Tensor Sample(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Ask for at least one sample.");
        // Drawn on the CPU, where the sampling generator lives, whatever the training device.
        using var noise = empty(count, Config.LatentSize);
        FillNoise(noise, _samplingRandom);
        return Generate(noise);
    }

    /// <summary>Samples from <see cref="FixedNoise"/>: the same latent points every time.</summary>
    public Tensor SampleFixed() => Generate(FixedNoise);

    /// <summary>
    /// Runs the generator on <paramref name="noise"/> ([N, LatentSize]) in evaluation mode without gradients, with
    /// the averaged weights when the declaration asks for them.
    /// </summary>
    public Tensor Generate(Tensor noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        if (noise.dim() != 2 || noise.size(1) != Config.LatentSize)
            throw new ArgumentException($"{Config.Name}: noise has shape {ShapeText(noise)}; expected [N, {Config.LatentSize}].", nameof(noise));
        using var _ = no_grad();
        using var averaged = GeneratorAverage?.Apply() ?? default;
        Generator.eval();
        try { return Generator.forward(noise.to(Device)); }
        finally { Generator.train(); }
    }

    /// <summary>Creates a fresh noise batch of the declared distribution.</summary>
    public Tensor CreateNoise(int count)
    {
        var noise = empty(count, Config.LatentSize, device: Device);
        FillNoise(noise);
        return noise;
    }
}
