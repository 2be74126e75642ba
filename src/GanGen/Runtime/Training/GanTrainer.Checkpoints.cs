using System;
using System.Globalization;
using System.IO;
using GanGen.Runtime.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    // 2: adds the sampling generator's state, so evaluations after a resume draw the same samples.
    private const string FormatVersion = "2";

    /// <summary>
    /// Writes both networks (parameters and buffers), both optimizers' state, the step counters, the fixed noise,
    /// the metric accumulators, the global RNG state and the sampling generator's state to <paramref name="path"/>, atomically (temp file + rename),
    /// so a crash never leaves a corrupt checkpoint and a resumed run continues exactly where this one stands.
    /// </summary>
    public void SaveCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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
        archive.Metadata["last_generator_loss"] = _lastGeneratorLoss.ToString("R", CultureInfo.InvariantCulture);

        foreach (var (name, tensor) in Generator.state_dict()) archive.Add("generator/" + name, tensor);
        foreach (var (name, tensor) in Discriminator.state_dict()) archive.Add("discriminator/" + name, tensor);
        foreach (var (name, state) in GeneratorOptimizer.StateTensors()) archive.Add("generator_optimizer/" + name, state);
        foreach (var (name, state) in DiscriminatorOptimizer.StateTensors()) archive.Add("discriminator_optimizer/" + name, state);
        if (GeneratorAverage is not null) archive.Add("generator_average", GeneratorAverage.Values);
        if (FixedNoise is not null) archive.Add("fixed_noise", FixedNoise);
        if (FixedLabels is not null) archive.Add("fixed_labels", FixedLabels);
        if (FixedSources is not null) archive.Add("fixed_sources", FixedSources);
        foreach (var regularizer in StatefulRegularizers)
        {
            foreach (var (name, state) in regularizer.StateTensors()) archive.Add(regularizer.StateName + "/" + name, state);
        }
        archive.Add("metrics", _metricSums);
        using (var rng = get_rng_state()) archive.Add("rng", rng);
        using (var samplingRng = _samplingRandom.get_state()) archive.Add("sampling_rng", samplingRng);

        AtomicFile.Write(path, archive.Write);
    }

    /// <summary>
    /// Restores everything <see cref="SaveCheckpoint"/> wrote, copying into the live tensors in place (the flat
    /// parameter buffers stay attached). Errors name the file and what does not match this GAN.
    /// </summary>
    public void LoadCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Checkpoint '{path}' does not exist.", path);
        using var stream = File.OpenRead(path);
        using var archive = TensorArchive.Read(stream, path);
        string gan = archive.Get("gan", path, metadata: true);
        if (gan != Config.Name)
            throw new InvalidDataException($"'{path}' was written by GAN '{gan}', not '{Config.Name}'.");
        if (archive.Get("format", path, metadata: true) != FormatVersion)
            throw new InvalidDataException($"'{path}' has checkpoint format {archive.Metadata["format"]}; this GanGen reads format {FormatVersion}.");

        using (no_grad())
        {
            foreach (var (name, tensor) in Generator.state_dict()) CopyInto(tensor, archive.Get("generator/" + name, path), "generator/" + name, path);
            foreach (var (name, tensor) in Discriminator.state_dict()) CopyInto(tensor, archive.Get("discriminator/" + name, path), "discriminator/" + name, path);
            foreach (var (name, state) in GeneratorOptimizer.StateTensors()) CopyInto(state, archive.Get("generator_optimizer/" + name, path), "generator_optimizer/" + name, path);
            foreach (var (name, state) in DiscriminatorOptimizer.StateTensors()) CopyInto(state, archive.Get("discriminator_optimizer/" + name, path), "discriminator_optimizer/" + name, path);
            if (GeneratorAverage is not null) CopyInto(GeneratorAverage.Values, archive.Get("generator_average", path), "generator_average", path);
            if (FixedNoise is not null) CopyInto(FixedNoise, archive.Get("fixed_noise", path), "fixed_noise", path);
            if (FixedLabels is not null) CopyInto(FixedLabels, archive.Get("fixed_labels", path), "fixed_labels", path);
            if (Config.IsRefiner && archive.Tensors.TryGetValue("fixed_sources", out var sources))
            {
                FixedSources?.Dispose();
                FixedSources = sources.to(Device).clone().DetachFromDisposeScope();
            }
            CopyInto(_metricSums, archive.Get("metrics", path), "metrics", path);
        }
        foreach (var regularizer in StatefulRegularizers) regularizer.Restore(StateOf(archive, regularizer.StateName + "/"), Device);
        set_rng_state(archive.Get("rng", path));
        _samplingRandom.set_state(archive.Get("sampling_rng", path));

        StepCount = Long(archive, "step", path);
        GeneratorUpdates = Long(archive, "generator_updates", path);
        GeneratorOptimizer.StepCount = Long(archive, "generator_optimizer_steps", path);
        DiscriminatorOptimizer.StepCount = Long(archive, "discriminator_optimizer_steps", path);
        GeneratorOptimizer.LearningRate = double.Parse(archive.Get("generator_learning_rate", path, metadata: true), CultureInfo.InvariantCulture);
        DiscriminatorOptimizer.LearningRate = double.Parse(archive.Get("discriminator_learning_rate", path, metadata: true), CultureInfo.InvariantCulture);
        _discriminatorUpdatesSinceRead = Long(archive, "discriminator_updates_since_read", path);
        _generatorUpdatesSinceRead = Long(archive, "generator_updates_since_read", path);
        _lastGeneratorLoss = float.Parse(archive.Get("last_generator_loss", path, metadata: true), CultureInfo.InvariantCulture);
    }

    private static System.Collections.Generic.Dictionary<string, Tensor> StateOf(TensorArchive archive, string prefix)
    {
        var state = new System.Collections.Generic.Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in archive.Tensors)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) state[name.Substring(prefix.Length)] = tensor;
        }
        return state;
    }

    private static void CopyInto(Tensor target, Tensor source, string name, string path)
    {
        if (!ShapesEqual(target.shape, source.shape))
            throw new InvalidDataException($"'{path}': '{name}' has shape [{string.Join(", ", source.shape)}], but this model's is [{string.Join(", ", target.shape)}].");
        target.copy_(source);
    }

    private static bool ShapesEqual(long[] left, long[] right)
    {
        if (left.Length != right.Length) return false;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i]) return false;
        }
        return true;
    }

    private static long Long(TensorArchive archive, string key, string path)
    {
        string text = archive.Get(key, path, metadata: true);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new InvalidDataException($"'{path}': '{key}' is '{text}', not a whole number.");
    }
}
