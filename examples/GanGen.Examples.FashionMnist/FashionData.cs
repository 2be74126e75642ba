using System;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// The example's data: the embedded 10,000-image subset of the Fashion-MNIST training split (data/fashion-mnist in
/// the repository), or the IDX files or PNG/JPEG images in a folder given with --data, scaled to [−1, 1] for the Tanh
/// generator and batched by step. The embedded test split is kept for the quality figures only.
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

    /// <summary>
    /// Loads train-* IDX files from <paramref name="folder"/> (t10k-* if absent), else the folder's PNG/JPEG images
    /// (centre-cropped and resized to the declared 1×28×28), or, without a folder, the embedded training subset.
    /// IDX images of another size are refused when the file is opened.
    /// </summary>
    public static FashionData Load(string? folder, int batchSize, long seed, Device device)
    {
        var shape = FashionDcgan.Declaration.DataShape;
        string? idx = folder is null ? EmbeddedTrainingImages : Pick(folder, Images);
        Tensor data;
        string source;
        if (idx is not null)
        {
            data = IdxReader.ReadImages(idx, GanGen.DataRange.MinusOneToOne, expectedShape: shape);
            source = idx;
        }
        else if (ImageFolderReader.ImageFiles(folder!).Count > 0)
        {
            data = ImageFolderReader.Read(folder!, shape, GanGen.DataRange.MinusOneToOne);
            source = $"the PNG/JPEG images in {folder} (centre-cropped, resized to 28×28 grayscale)";
        }
        else
        {
            throw new FileNotFoundException(
                $"'{folder}' has neither Fashion-MNIST IDX files (train-* or t10k-*{Images[..^3]}, gzip or plain) nor PNG/JPEG images.");
        }
        long count = data.size(0);
        if (count < batchSize)
        {
            data.Dispose();
            throw new UsageException($"--batch-size {batchSize} is larger than the {count:N0} images of {source}; use at most {count}");
        }
        var onDevice = data.to(device);
        if (!ReferenceEquals(onDevice, data)) data.Dispose();
        var batches = new ShuffledBatches(onDevice, batchSize, seed);
        return new FashionData(batches, $"{batches.Count:N0} images from {source} ({batches.BatchesPerEpoch} batches of {batchSize} per epoch)");
    }

    /// <summary>The embedded 10,000-image subset of the training split: what the example trains on by default.</summary>
    public static string EmbeddedTrainingImages => Path.Combine(EmbeddedFolder(), "train-" + Images);

    /// <summary>The labelled embedded test split, for the quality figures' real statistics only.</summary>
    public static string EmbeddedImages => Path.Combine(EmbeddedFolder(), "t10k-" + Images);

    /// <summary>Labels of the embedded test split.</summary>
    public static string EmbeddedLabels => Path.Combine(EmbeddedFolder(), "t10k-" + Labels);

    public Tensor Batch(long step) => _batches.ForStep(step);

    public void Dispose() => _batches.Dispose();

    private static string? Pick(string folder, string suffix)
    {
        foreach (var prefix in new[] { "train-", "t10k-" })
        {
            foreach (var name in new[] { prefix + suffix, prefix + suffix[..^3] })
            {
                string path = Path.Combine(folder, name);
                if (File.Exists(path)) return path;
            }
        }
        return null;
    }

    /// <summary>data/fashion-mnist of the repository, found by walking up from the executable.</summary>
    private static string EmbeddedFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "data", "fashion-mnist");
            if (File.Exists(Path.Combine(candidate, "train-" + Images)) && File.Exists(Path.Combine(candidate, "t10k-" + Images))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"The embedded Fashion-MNIST files (data/fashion-mnist/train-{Images} and t10k-{Images}) were not found above {AppContext.BaseDirectory}; pass --data <folder>.");
    }
}
