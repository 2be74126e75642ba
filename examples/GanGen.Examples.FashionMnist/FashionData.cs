using System;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime.Data;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// The example's data: the embedded 10,000-image subset of the Fashion-MNIST training split (data/fashion-mnist in
/// the repository), or the IDX files or PNG/JPEG images in a folder given with --data, scaled to [−1, 1] for the Tanh
/// generators and batched by step; with labels for the conditional GAN (IDX label files beside the images, or one
/// sub-folder of images per class). The embedded test split is kept for the quality figures only.
/// </summary>
internal sealed class FashionData : IDisposable
{
    private const string Images = FashionMnistFiles.Images, Labels = FashionMnistFiles.Labels;
    private readonly ShuffledBatches _batches;

    private FashionData(ShuffledBatches batches, string description)
    {
        _batches = batches;
        Description = description;
    }

    public string Description { get; }

    /// <summary>
    /// Loads the images (and with <paramref name="labelled"/>, their labels) and batches them by step; see
    /// <see cref="Read"/> for where they come from.
    /// </summary>
    public static FashionData Load(string? folder, int batchSize, long seed, Device device, bool labelled)
    {
        var (images, labels, source) = Read(folder, labelled);
        if (images.size(0) < batchSize)
        {
            long count = images.size(0);
            images.Dispose();
            labels?.Dispose();
            throw new UsageException($"--batch-size {batchSize} is larger than the {count:N0} images of {source}; use at most {count}");
        }
        var batches = new ShuffledBatches(OnDevice(images, device), batchSize, seed, labels is null ? null : OnDevice(labels, device));
        string what = labelled ? "labelled images" : "images";
        return new FashionData(batches, $"{batches.Count:N0} {what} from {source} ({batches.BatchesPerEpoch} batches of {batchSize} per epoch)");
    }

    /// <summary>
    /// Reads train-* IDX files from <paramref name="folder"/> (t10k-* if absent), else the folder's PNG/JPEG images
    /// (centre-cropped and resized to 1×28×28; with labels, one sub-folder per class), or, without a folder, the
    /// embedded training subset. IDX images of another size are refused when the file is opened, labels outside the
    /// ten classes when they are read.
    /// </summary>
    public static (Tensor Images, Tensor? Labels, string Source) Read(string? folder, bool labelled)
    {
        var shape = FashionDcgan.Declaration.DataShape;
        string? idx = folder is null ? EmbeddedTrainingImages
            : FashionMnistFiles.Find(folder, FashionMnistFiles.Train, Images) ?? FashionMnistFiles.Find(folder, FashionMnistFiles.Test, Images);
        if (idx is not null)
        {
            // The labels of the split the images came from, found before the images are decoded.
            string split = FashionMnistFiles.SplitOf(idx);
            string? labelsPath = !labelled ? null : folder is null ? EmbeddedTrainingLabels : FashionMnistFiles.Find(folder, split, Labels)
                ?? throw new FileNotFoundException($"'{folder}' has the images {Path.GetFileName(idx)} but no labels beside them ({FashionMnistFiles.Name(split, Labels)}[.gz]); the conditional GAN needs a label per image.");
            var images = IdxReader.ReadImages(idx, GanGen.DataRange.MinusOneToOne, expectedShape: shape);
            if (labelsPath is null) return (images, null, idx);
            return (images, CheckedLabels(IdxReader.ReadLabels(labelsPath), images.size(0), labelsPath), idx);
        }
        if (labelled)
        {
            var (images, labels, classes) = ImageFolderReader.ReadLabelled(folder!, shape, GanGen.DataRange.MinusOneToOne);
            if (classes.Count != 10)
            {
                images.Dispose();
                labels.Dispose();
                throw new InvalidDataException($"'{folder}' has {classes.Count} class sub-folders ({string.Join(", ", classes)}); the conditional GAN is declared for 10 classes.");
            }
            return (images, labels, $"the class sub-folders of {folder} ({string.Join(", ", classes)})");
        }
        if (ImageFolderReader.ImageFiles(folder!).Count > 0)
            return (ImageFolderReader.Read(folder!, shape, GanGen.DataRange.MinusOneToOne), null, $"the PNG/JPEG images in {folder} (centre-cropped, resized to 28×28 grayscale)");
        throw new FileNotFoundException(
            $"'{folder}' has neither Fashion-MNIST IDX files (train-* or t10k-*{Images}, gzip or plain) nor PNG/JPEG images.");
    }

    /// <summary>The embedded 10,000-image subset of the training split: what the example trains on by default.</summary>
    public static string EmbeddedTrainingImages => Path.Combine(EmbeddedFolder(), FashionMnistFiles.Name(FashionMnistFiles.Train, Images) + ".gz");

    /// <summary>Labels of the embedded training subset.</summary>
    public static string EmbeddedTrainingLabels => Path.Combine(EmbeddedFolder(), FashionMnistFiles.Name(FashionMnistFiles.Train, Labels) + ".gz");

    /// <summary>The labelled embedded test split, for the quality figures' real statistics only.</summary>
    public static string EmbeddedImages => Path.Combine(EmbeddedFolder(), FashionMnistFiles.Name(FashionMnistFiles.Test, Images) + ".gz");

    /// <summary>Labels of the embedded test split.</summary>
    public static string EmbeddedLabels => Path.Combine(EmbeddedFolder(), FashionMnistFiles.Name(FashionMnistFiles.Test, Labels) + ".gz");

    public GanBatch Batch(long step) => _batches.BatchForStep(step);

    public void Dispose() => _batches.Dispose();

    private static Tensor OnDevice(Tensor tensor, Device device)
    {
        var moved = tensor.to(device);
        if (!ReferenceEquals(moved, tensor)) tensor.Dispose();
        return moved;
    }

    /// <summary>One label per image, each one of the ten classes: checked once here, not at every step.</summary>
    private static Tensor CheckedLabels(Tensor labels, long images, string path)
    {
        string? problem = labels.size(0) != images ? $"holds {labels.size(0)} labels for {images} images"
            : labels.min().item<long>() < 0 || labels.max().item<long>() > 9 ? $"holds labels outside 0–9 (min {labels.min().item<long>()}, max {labels.max().item<long>()})"
            : null;
        if (problem is null) return labels;
        labels.Dispose();
        throw new InvalidDataException($"'{path}' {problem}; the conditional GAN is declared for 10 classes.");
    }

    /// <summary>data/fashion-mnist of the repository, found by walking up from the executable.</summary>
    private static string EmbeddedFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "data", "fashion-mnist");
            if (File.Exists(Path.Combine(candidate, FashionMnistFiles.Name(FashionMnistFiles.Train, Images) + ".gz")) && File.Exists(Path.Combine(candidate, FashionMnistFiles.Name(FashionMnistFiles.Test, Images) + ".gz"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"The embedded Fashion-MNIST files (data/fashion-mnist/train-{Images}.gz and t10k-{Images}.gz) were not found above {AppContext.BaseDirectory}; pass --data <folder>.");
    }
}
