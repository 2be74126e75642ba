using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GanGen.Runtime.Interop;
using GanGen.Runtime.Interop.Onnx;
using GanGen.Runtime.Interop.PyTorch;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// Beyond TorchSharp: safetensors weights with the PyTorch twin's state_dict names, ONNX export from the compile-time
// description, and the twin itself.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    /// <summary>Prefix of the generator's tensors in weights files (the twin's <c>Gan.generator</c>).</summary>
    public const string GeneratorPrefix = "generator.";

    /// <summary>Prefix of the discriminator's tensors in weights files (the twin's <c>Gan.discriminator</c>).</summary>
    public const string DiscriminatorPrefix = "discriminator.";

    /// <summary>Prefix of the generator's moving average in weights files, when declared (the twin's <c>Gan.generator_average</c>).</summary>
    public const string AveragePrefix = "generator_average.";

    /// <summary>
    /// Writes both networks' parameters and buffers (batch-norm statistics and batch counts, label embeddings, …)
    /// to a safetensors file, named as <c>state_dict()</c> of the PyTorch twin's Gan module names them:
    /// <c>generator.Hidden1.weight</c>, <c>discriminator.Norm.running_mean</c>, and <c>generator_average.*</c> for a
    /// declared moving average (its parameters, with the generator's buffers). Written atomically.
    /// </summary>
    public void SaveWeights(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InputFiles.RequireOutputFile(path, nameof(path), "a safetensors weights file");
        var (tensors, views) = WeightTensors();
        try
        {
            var metadata = new Dictionary<string, string>
            {
                ["gangen.gan"] = Config.Name,
                ["gangen.step"] = StepCount.ToString(CultureInfo.InvariantCulture),
            };
            SafeTensors.Write(path, tensors, metadata);
        }
        finally
        {
            foreach (var view in views) view.Dispose();
        }
    }

    /// <summary>
    /// Loads weights <see cref="SaveWeights"/> or the PyTorch twin wrote into both networks in place (the optimizers
    /// keep their state). Every name, dtype and shape is checked before anything is copied.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// One line naming the file, the GAN and what does not match: missing or unexpected tensors, wrong shapes, wrong dtypes.
    /// </exception>
    public void LoadWeights(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InputFiles.RequireInputPath(path, nameof(path), "a safetensors weights file");
        if (!File.Exists(path)) throw new FileNotFoundException($"Weights file '{path}' does not exist.", path);
        using var file = SafeTensors.Read(path);
        var (targets, views) = WeightTensors();
        try
        {
            var problems = StateDictLoader.Mismatches(targets, file.Tensors, Config.Name);
            if (problems.Count > 0)
            {
                string origin = file.Metadata.TryGetValue("gangen.gan", out var writer) && writer != Config.Name ? $" (weights of {writer})" : string.Empty;
                string more = problems.Count > 1 ? $" (and {problems.Count - 1} more)" : string.Empty;
                throw new InvalidDataException($"'{path}'{origin} does not match {Config.Name}: {problems[0]}{more}.");
            }
            StateDictLoader.Copy(targets, file.Tensors);
        }
        finally
        {
            foreach (var view in views) view.Dispose();
        }
    }

    /// <summary>
    /// Exports the generator to an ONNX model at <paramref name="generatorPath"/> — evaluation mode (batch-norm
    /// running statistics, no dropout), with the averaged weights when declared, as <c>Sample</c> draws — and, when
    /// <paramref name="discriminatorPath"/> is given, the discriminator too (scores, and AC-GAN's class logits). The
    /// graphs are written from the compile-time description of each layer, not traced; ONNX Runtime runs them.
    /// </summary>
    public void ExportOnnx(string generatorPath, string? discriminatorPath = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InputFiles.RequireOutputFile(generatorPath, nameof(generatorPath), "an ONNX model file");
        if (discriminatorPath is not null) InputFiles.RequireOutputFile(discriminatorPath, nameof(discriminatorPath), "an ONNX model file");
        OnnxGraphBuilder generator;
        using (GeneratorAverage?.Apply() ?? default) generator = GeneratorOnnx();
        generator.Save(generatorPath);
        if (discriminatorPath is not null) DiscriminatorOnnx().Save(discriminatorPath);
    }

    /// <summary>
    /// Writes the PyTorch twin of this GAN into <paramref name="folder"/>: <c>model.py</c> (both networks with the
    /// same parameter and buffer names, the declared loss, regularisers, conditioning and schedule),
    /// <c>gangen_twin.py</c> (safetensors I/O and the training step), <c>train.py</c> (training under torchrun with
    /// DistributedDataParallel), a README, and the current weights as <c>weights.safetensors</c>.
    /// </summary>
    public void WritePyTorchTwin(string folder)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InputFiles.RequireOutputFolder(folder, nameof(folder), "a folder for the PyTorch twin");
        // Non-finite weights are refused before the twin's Python files are written, so a refusal writes nothing.
        var (tensors, views) = WeightTensors();
        try
        {
            NonFiniteValues.Require(tensors, Path.Combine(folder, PyTorchTwin.WeightsFile), SafeTensors.WriteRefused);
        }
        finally
        {
            foreach (var view in views) view.Dispose();
        }
        PyTorchTwin.Write(folder, PyTorchModel);
        SaveWeights(Path.Combine(folder, PyTorchTwin.WeightsFile));
    }

    /// <summary>The generator's inference graph, weights copied now.</summary>
    protected abstract OnnxGraphBuilder GeneratorOnnx();

    /// <summary>The discriminator's inference graph, weights copied now.</summary>
    protected abstract OnnxGraphBuilder DiscriminatorOnnx();

    /// <summary>The twin's model.py source, written by the generator from the declaration.</summary>
    protected abstract string PyTorchModel { get; }

    /// <summary>
    /// The weights file's tensors by name: both state dicts, and for a moving average its parameters as views of the
    /// flat average (returned separately, for the caller to dispose) beside the generator's buffers.
    /// </summary>
    private (Dictionary<string, Tensor> Tensors, List<Tensor> Views) WeightTensors()
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var views = new List<Tensor>();
        var generatorState = Generator.state_dict();
        foreach (var (name, tensor) in generatorState) tensors[GeneratorPrefix + name] = tensor;
        foreach (var (name, tensor) in Discriminator.state_dict()) tensors[DiscriminatorPrefix + name] = tensor;
        if (GeneratorAverage is null) return (tensors, views);

        // The average is laid out as FlatParameters lays out the trainable parameters: in module order.
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        long offset = 0;
        foreach (var (name, parameter) in Generator.named_parameters())
        {
            if (!parameter.requires_grad) continue;
            offsets[name] = offset;
            offset += parameter.numel();
        }
        foreach (var (name, tensor) in generatorState)
        {
            if (!offsets.TryGetValue(name, out long start))
            {
                tensors[AveragePrefix + name] = tensor;
                continue;
            }
            using var flat = GeneratorAverage.Values.narrow(0, start, tensor.numel());
            var view = flat.view(tensor.shape);
            views.Add(view);
            tensors[AveragePrefix + name] = view;
        }
        return (tensors, views);
    }
}
