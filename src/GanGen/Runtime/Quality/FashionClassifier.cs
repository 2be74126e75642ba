using System;
using System.IO;
using GanGen.Runtime.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>
/// A small Fashion-MNIST classifier for quality figures where Inception weights are unavailable: conv(1→32, 3×3) →
/// ReLU → max-pool → conv(32→64, 3×3) → ReLU → max-pool → dense(3136→128) → ReLU (the 128-d features) → dense(128→10).
/// Inputs are [N, 1, 28, 28] in [−1, 1], the range of a Tanh generator.
/// </summary>
public sealed class FashionClassifier : nn.Module<Tensor, Tensor>
{
    /// <summary>Length of the penultimate feature vector used for Fréchet distances.</summary>
    public const int FeatureSize = 128;

    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;
    private readonly Linear _features;
    private readonly Linear _classes;

    /// <summary>Creates an untrained classifier (TorchSharp's default initialisation).</summary>
    public FashionClassifier() : base(nameof(FashionClassifier))
    {
        _conv1 = nn.Conv2d(1, 32, 3, padding: 1L);
        _conv2 = nn.Conv2d(32, 64, 3, padding: 1L);
        _features = nn.Linear(64 * 7 * 7, FeatureSize);
        _classes = nn.Linear(FeatureSize, 10);
        register_module("Conv1", _conv1);
        register_module("Conv2", _conv2);
        register_module("Features", _features);
        register_module("Classes", _classes);
    }

    /// <summary>Class logits [N, 10].</summary>
    public override Tensor forward(Tensor input)
    {
        using var features = Features(input);
        return _classes.forward(features);
    }

    /// <summary>Penultimate features [N, 128].</summary>
    public Tensor Features(Tensor input)
    {
        using var a = nn.functional.relu(_conv1.forward(input));
        using var b = nn.functional.max_pool2d(a, new long[] { 2, 2 });
        using var c = nn.functional.relu(_conv2.forward(b));
        using var d = nn.functional.max_pool2d(c, new long[] { 2, 2 });
        using var flat = d.flatten(1);
        using var hidden = _features.forward(flat);
        return hidden.relu();
    }

    /// <summary>Writes the weights (atomically) to <paramref name="path"/>.</summary>
    public void SaveWeights(string path)
    {
        using var archive = new TensorArchive();
        archive.Metadata["model"] = nameof(FashionClassifier);
        foreach (var (name, tensor) in state_dict()) archive.Add(name, tensor);
        AtomicFile.Write(path, archive.Write);
    }

    /// <summary>Loads weights written by <see cref="SaveWeights"/>; errors name the file and what does not fit.</summary>
    public static FashionClassifier Load(string path, Device? device = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Classifier weights '{path}' do not exist; train them with tools/GanGen.TrainClassifier.", path);
        using var stream = File.OpenRead(path);
        using var archive = TensorArchive.Read(stream, path);
        if (!archive.Metadata.TryGetValue("model", out var model) || model != nameof(FashionClassifier))
            throw new InvalidDataException($"'{path}' does not hold {nameof(FashionClassifier)} weights.");
        var classifier = new FashionClassifier();
        using (no_grad())
        {
            foreach (var (name, tensor) in classifier.state_dict())
            {
                var stored = archive.Get(name, path);
                if (!stored.shape.AsSpan().SequenceEqual(tensor.shape))
                    throw new InvalidDataException($"'{path}': '{name}' has shape [{string.Join(", ", stored.shape)}], expected [{string.Join(", ", tensor.shape)}].");
                tensor.copy_(stored);
            }
        }
        classifier.eval();
        if (device is not null) classifier.to(device);
        return classifier;
    }
}
