using System;
using System.IO;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// The example's data: the embedded Fashion-MNIST test split (data/fashion-mnist in the repository) or the IDX files
/// in a folder given with --data, scaled to [−1, 1] for the Tanh generator and batched by step.
/// </summary>
internal sealed class FashionData : IDisposable
{
    private const string Images = "images-idx3-ubyte.gz", Labels = "labels-idx1-ubyte.gz";
    private readonly ShuffledBatches _batches;

    private FashionData(ShuffledBatches batches, string description)
    {
        _batches = batches;
        Description = description;
    }

    public string Description { get; }

    /// <summary>Loads train-* files from <paramref name="folder"/> (t10k-* if absent), or the embedded test split.</summary>
    public static FashionData Load(string? folder, int batchSize, long seed, Device device)
    {
        string images = folder is null ? Path.Combine(EmbeddedFolder(), "t10k-" + Images) : Pick(folder, Images);
        var data = IdxReader.ReadImages(images, GanGen.DataRange.MinusOneToOne);
        var onDevice = data.to(device);
        if (!ReferenceEquals(onDevice, data)) data.Dispose();
        var batches = new ShuffledBatches(onDevice, batchSize, seed);
        return new FashionData(batches, $"{batches.Count:N0} images from {images} ({batches.BatchesPerEpoch} batches of {batchSize} per epoch)");
    }

    /// <summary>The labelled embedded test split, for the quality figures' real statistics.</summary>
    public static string EmbeddedImages => Path.Combine(EmbeddedFolder(), "t10k-" + Images);

    /// <summary>Labels of the embedded test split.</summary>
    public static string EmbeddedLabels => Path.Combine(EmbeddedFolder(), "t10k-" + Labels);

    public Tensor Batch(long step) => _batches.ForStep(step);

    public void Dispose() => _batches.Dispose();

    private static string Pick(string folder, string suffix)
    {
        foreach (var prefix in new[] { "train-", "t10k-" })
        {
            foreach (var name in new[] { prefix + suffix, prefix + suffix[..^3] })
            {
                string path = Path.Combine(folder, name);
                if (File.Exists(path)) return path;
            }
        }
        throw new FileNotFoundException($"No Fashion-MNIST {suffix[..^3]} file (train-* or t10k-*, gzip or plain) in '{folder}'.");
    }

    /// <summary>data/fashion-mnist of the repository, found by walking up from the executable.</summary>
    private static string EmbeddedFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "data", "fashion-mnist");
            if (File.Exists(Path.Combine(candidate, "t10k-" + Images))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"The embedded Fashion-MNIST split (data/fashion-mnist/t10k-{Images}) was not found above {AppContext.BaseDirectory}; pass --data <folder>.");
    }
}
