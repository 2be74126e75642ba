using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// Sampling: evaluation-mode generation from fresh, fixed or given noise (with labels), or refinement of sources.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    /// <summary>Labels behind <see cref="SampleFixed"/> for a conditional GAN: rows of 8 samples, one class per row (null otherwise).</summary>
    public Tensor? FixedLabels { get; }

    /// <summary>Sources behind <see cref="SampleFixed"/> for a refiner: the first samples of the first training batch (null before it).</summary>
    public Tensor? FixedSources { get; private set; }

    /// <summary>
    /// Draws <paramref name="count"/> samples from the generator (evaluation mode, no gradient); a conditional GAN
    /// draws their labels uniformly. Noise and labels come from a random generator of its own, seeded from the
    /// trainer's seed, so sampling to monitor a run — however often — leaves the training run itself unchanged.
    /// </summary>
    public Tensor Sample(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Config.IsRefiner)
            throw new InvalidOperationException($"{Config.Name} is a refiner: it draws no noise; call Refine(sources) with source samples {Config.BatchShapeText}.");
        RequireSampleCount(count, nameof(count), "Sample");
        // Drawn on the CPU, where the sampling generator lives, whatever the training device.
        using var noise = empty(count, Config.LatentSize);
        FillNoise(noise, _samplingRandom);
        if (!Config.IsConditional) return Generate(noise);
        using var labels = randint(0, Config.Classes, new long[] { count }, dtype: ScalarType.Int64, generator: _samplingRandom);
        return Generate(noise, labels);
    }

    /// <summary>One sample per label in <paramref name="labels"/> ([N] class indices) from a conditional GAN.</summary>
    public Tensor Sample(Tensor labels)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(labels);
        if (!Config.IsConditional)
            throw new InvalidOperationException($"{Config.Name} is not conditional ([GanData] declares no Classes); call Sample(count).");
        RequireClassIndices(labels, nameof(labels));
        using var noise = empty(labels.size(0), Config.LatentSize);
        FillNoise(noise, _samplingRandom);
        return Generate(noise, labels);
    }

    /// <summary>Refines <paramref name="sources"/> ([N, …data shape]) with a refiner GAN (evaluation mode, no gradient).</summary>
    public Tensor Refine(Tensor sources)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(sources);
        if (!Config.IsRefiner)
            throw new InvalidOperationException($"{Config.Name} generates from noise; Refine needs [GanGenerator(Input = GeneratorInput.Source)].");
        RequireShape(sources, Config.DataShape, "sources", nameof(sources));
        return Evaluate(sources, null);
    }

    /// <summary>Samples from <see cref="FixedNoise"/> (and <see cref="FixedLabels"/>), or refines <see cref="FixedSources"/>: the same inputs every time.</summary>
    public Tensor SampleFixed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!Config.IsRefiner) return Generate(FixedNoise!, FixedLabels);
        return FixedSources is null
            ? throw new InvalidOperationException($"{Config.Name}: the fixed sources are taken from the first training batch; train a step first.")
            : Refine(FixedSources);
    }

    /// <summary>
    /// Runs the generator on <paramref name="noise"/> ([N, LatentSize]) and, for a conditional GAN, <paramref name="labels"/>
    /// ([N] class indices) in evaluation mode without gradients, with the averaged weights when declared.
    /// </summary>
    public Tensor Generate(Tensor noise, Tensor? labels = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(noise);
        if (Config.IsRefiner) throw new InvalidOperationException($"{Config.Name} is a refiner; call Refine(sources).");
        if (noise.dim() != 2 || noise.size(1) != Config.LatentSize || noise.size(0) < 1)
            throw new GanInputException(nameof(noise), $"has shape {ShapeText(noise)}; {Config.Name} generates from noise [N, {Config.LatentSize}] with N ≥ 1");
        if (Config.IsConditional)
        {
            RequireLabels(labels, noise.size(0), nameof(labels));
            RequireClassIndices(labels!, nameof(labels));
        }
        using var deviceLabels = labels?.to(Device);
        return Evaluate(noise, Config.IsConditional ? deviceLabels : null);
    }

    /// <summary>Creates a fresh noise batch of the declared distribution.</summary>
    public Tensor CreateNoise(int count)
    {
        RequireSampleCount(count, nameof(count), "CreateNoise");
        var noise = empty(count, Config.LatentSize, device: Device);
        FillNoise(noise);
        return noise;
    }

    private Tensor Evaluate(Tensor input, Tensor? labels)
    {
        using var _ = no_grad();
        using var averaged = GeneratorAverage?.Apply() ?? default;
        Generator.eval();
        try
        {
            using var onDevice = input.to(Device);
            return GeneratorForward(onDevice, labels);
        }
        finally { Generator.train(); }
    }

    /// <summary>Labels 0, 0, …, 1, 1, … in rows of 8: a sample grid shows one class per row.</summary>
    private Tensor GridLabels(int count)
    {
        using var positions = arange(count, dtype: ScalarType.Int64, device: Device);
        using var rows = positions.div(8, rounding_mode: RoundingMode.floor);
        return rows.remainder(Config.Classes);
    }

    private void CaptureFixedSources(GanBatch real)
    {
        long count = Math.Min(_fixedCount, real.Count);
        using var head = real.Sources!.narrow(0, 0, count);
        FixedSources = head.clone().DetachFromDisposeScope();
    }
}
