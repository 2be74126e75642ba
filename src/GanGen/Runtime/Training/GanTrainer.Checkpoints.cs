using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GanGen.Runtime.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    // 2: adds the sampling generator's state, so evaluations after a resume draw the same samples.
    // 3: a checksummed archive (TensorArchive format 2), a fifth metric accumulator (the real batches' sum) and an
    //    empty last_generator_loss before the first generator update.
    private const string FormatVersion = "3";

    /// <summary>
    /// Writes both networks (parameters and buffers), both optimizers' state, the step counters, the fixed noise,
    /// the metric accumulators, the global RNG state and the sampling generator's state to <paramref name="path"/>,
    /// atomically (temp file + rename) with a SHA-256 checksum, so a crash never leaves a corrupt checkpoint and a
    /// resumed run continues exactly where this one stands. Weights holding NaN or ±∞ are never written: that throws
    /// <see cref="TrainingDivergedException"/> and leaves any earlier file at <paramref name="path"/> untouched.
    /// </summary>
    public void SaveCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InputFiles.RequireOutputFile(path, nameof(path), "a checkpoint file");
        ThrowIfWeightsNotFinite(path);
        using var archive = new TensorArchive();
        archive.Metadata["format"] = FormatVersion;
        archive.Metadata["gan"] = Config.Name;
        archive.Metadata["seed"] = Seed.ToString(CultureInfo.InvariantCulture);
        archive.Metadata["step"] = StepCount.ToString(CultureInfo.InvariantCulture);
        archive.Metadata["generator_updates"] = GeneratorUpdates.ToString(CultureInfo.InvariantCulture);
        archive.Metadata["generator_optimizer_steps"] = GeneratorOptimizer.StepCount.ToString(CultureInfo.InvariantCulture);
        archive.Metadata["discriminator_optimizer_steps"] = DiscriminatorOptimizer.StepCount.ToString(CultureInfo.InvariantCulture);
        archive.Metadata["generator_learning_rate"] = GeneratorOptimizer.LearningRate.ToString("R", CultureInfo.InvariantCulture);
        archive.Metadata["discriminator_learning_rate"] = DiscriminatorOptimizer.LearningRate.ToString("R", CultureInfo.InvariantCulture);
        archive.Metadata["discriminator_updates_since_read"] = _discriminatorUpdatesSinceRead.ToString(CultureInfo.InvariantCulture);
        archive.Metadata["generator_updates_since_read"] = _generatorUpdatesSinceRead.ToString(CultureInfo.InvariantCulture);
        archive.Metadata["last_generator_loss"] = _lastGeneratorLoss?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

        foreach (var (name, tensor) in CheckpointTensors()) archive.Add(name, tensor);
        if (FixedSources is not null) archive.Add("fixed_sources", FixedSources);
        foreach (var regularizer in StatefulRegularizers)
        {
            foreach (var (name, state) in regularizer.StateTensors()) archive.Add(regularizer.StateName + "/" + name, state);
        }
        using (var rng = get_rng_state()) archive.Add("rng", rng);
        using (var samplingRng = _samplingRandom.get_state()) archive.Add("sampling_rng", samplingRng);

        AtomicFile.Write(path, archive.Write);
    }

    /// <summary>
    /// Restores everything <see cref="SaveCheckpoint"/> wrote, copying into the live tensors in place (the flat
    /// parameter buffers stay attached). The whole file is checked first — checksum, every tensor's shape and dtype,
    /// every number — so a checkpoint that does not fit changes nothing. Errors name the file and what is wrong.
    /// </summary>
    public void LoadCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InputFiles.RequireInputPath(path, nameof(path), "a checkpoint file");
        if (!File.Exists(path)) throw new FileNotFoundException($"Checkpoint '{path}' does not exist.", path);
        using var archive = TensorArchive.Read(path);
        string format = archive.Get("format", path, metadata: true);
        if (format != FormatVersion)
            throw new InvalidDataException($"'{path}' has checkpoint format {format}; this GanGen reads format {FormatVersion}.");
        string gan = archive.Get("gan", path, metadata: true);
        if (gan != Config.Name)
            throw new InvalidDataException($"'{path}' was written by GAN '{gan}', not '{Config.Name}'.");

        var copies = new List<(Tensor Target, Tensor Source)>();
        foreach (var (name, tensor) in CheckpointTensors()) copies.Add((tensor, Matching(archive, name, tensor, path)));
        using var rngNow = get_rng_state();
        var rng = Matching(archive, "rng", rngNow, path);
        using var samplingRngNow = _samplingRandom.get_state();
        var samplingRng = Matching(archive, "sampling_rng", samplingRngNow, path);

        long step = Count(archive, "step", path);
        long generatorUpdates = Count(archive, "generator_updates", path);
        long generatorOptimizerSteps = Count(archive, "generator_optimizer_steps", path);
        long discriminatorOptimizerSteps = Count(archive, "discriminator_optimizer_steps", path);
        double generatorRate = Rate(archive, "generator_learning_rate", path);
        double discriminatorRate = Rate(archive, "discriminator_learning_rate", path);
        long discriminatorSinceRead = Count(archive, "discriminator_updates_since_read", path);
        long generatorSinceRead = Count(archive, "generator_updates_since_read", path);
        float? lastGeneratorLoss = LastGeneratorLoss(archive, path);

        // Everything is validated: from here on nothing can fail half-way.
        using (no_grad())
        {
            foreach (var (target, source) in copies) target.copy_(source);
        }
        // A refiner's fixed sources are taken from its first batch, so they exist only in checkpoints written after it.
        if (Config.IsRefiner && archive.Tensors.TryGetValue("fixed_sources", out var sources))
        {
            FixedSources?.Dispose();
            FixedSources = sources.to(Device).clone().DetachFromDisposeScope();
        }
        foreach (var regularizer in StatefulRegularizers) regularizer.Restore(StateOf(archive, regularizer.StateName + "/"), Device);
        set_rng_state(rng);
        _samplingRandom.set_state(samplingRng);
        StepCount = step;
        GeneratorUpdates = generatorUpdates;
        GeneratorOptimizer.StepCount = generatorOptimizerSteps;
        DiscriminatorOptimizer.StepCount = discriminatorOptimizerSteps;
        GeneratorOptimizer.LearningRate = generatorRate;
        DiscriminatorOptimizer.LearningRate = discriminatorRate;
        _discriminatorUpdatesSinceRead = discriminatorSinceRead;
        _generatorUpdatesSinceRead = generatorSinceRead;
        _lastGeneratorLoss = lastGeneratorLoss;
    }

    /// <summary>Every live tensor a checkpoint holds besides the RNG states, by its name in the archive.</summary>
    private IEnumerable<(string Name, Tensor Tensor)> CheckpointTensors()
    {
        foreach (var (name, tensor) in Generator.state_dict()) yield return ("generator/" + name, tensor);
        foreach (var (name, tensor) in Discriminator.state_dict()) yield return ("discriminator/" + name, tensor);
        foreach (var (name, state) in GeneratorOptimizer.StateTensors()) yield return ("generator_optimizer/" + name, state);
        foreach (var (name, state) in DiscriminatorOptimizer.StateTensors()) yield return ("discriminator_optimizer/" + name, state);
        if (GeneratorAverage is not null) yield return ("generator_average", GeneratorAverage.Values);
        if (FixedNoise is not null) yield return ("fixed_noise", FixedNoise);
        if (FixedLabels is not null) yield return ("fixed_labels", FixedLabels);
        yield return ("metrics", _metricSums);
    }

    /// <summary>A stateful regulariser's tensors in the archive, by their names without its prefix.</summary>
    private static Dictionary<string, Tensor> StateOf(TensorArchive archive, string prefix)
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in archive.Tensors)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) state[name.Substring(prefix.Length)] = tensor;
        }
        return state;
    }

    /// <summary>The archive's tensor <paramref name="name"/>, checked to have <paramref name="target"/>'s shape and dtype.</summary>
    private static Tensor Matching(TensorArchive archive, string name, Tensor target, string path)
    {
        var source = archive.Get(name, path);
        if (!source.shape.AsSpan().SequenceEqual(target.shape))
            throw new InvalidDataException($"'{path}': '{name}' has shape {ArchiveFormat.ShapeText(source.shape)}, but this model's is {ArchiveFormat.ShapeText(target.shape)}.");
        if (source.dtype != target.dtype)
            throw new InvalidDataException($"'{path}': '{name}' has dtype {source.dtype}, but this model's is {target.dtype}.");
        return source;
    }

    private static long Count(TensorArchive archive, string key, string path)
    {
        string text = archive.Get(key, path, metadata: true);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new InvalidDataException($"'{path}': '{key}' is '{text}', not a whole number ≥ 0.");
    }

    private static double Rate(TensorArchive archive, string key, string path)
    {
        string text = archive.Get(key, path, metadata: true);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= 0
            ? value
            : throw new InvalidDataException($"'{path}': '{key}' is '{text}', not a finite learning rate ≥ 0.");
    }

    private static float? LastGeneratorLoss(TensorArchive archive, string path)
    {
        string text = archive.Get("last_generator_loss", path, metadata: true);
        if (text.Length == 0) return null;
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value)
            ? value
            : throw new InvalidDataException($"'{path}': 'last_generator_loss' is '{text}', not a number.");
    }
}
