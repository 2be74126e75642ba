using System;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime;
using GanGen.Runtime.Data;
using GanGen.Runtime.Imaging;
using GanGen.Tests.Declarations;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>
/// The public runtime calls a user makes directly refuse a wrong argument with one <see cref="GanInputException"/>
/// naming the argument (or path), what it is and what is allowed, before anything is allocated or written.
/// </summary>
public sealed class ApiArgumentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-api-" + Guid.NewGuid().ToString("N"));

    public ApiArgumentTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SampleCountsOutsideOneToTheLimitAreRefused()
    {
        using var gan = new RingGan(seed: 1);
        Assert.Equal(InputLimits.MaxTensorBytes / (4 * (8 + 2)), gan.MaxSamplesPerCall); // noise [N, 8] and points [N, 2]
        Refused(() => gan.Sample(0), "count: is 0; RingGan.Sample draws 1 to 107,374,182 samples per call (4.0 GiB of float32 noise and samples [N, 2]); draw more in several calls");
        Refused(() => gan.Sample(int.MaxValue), "count: is 2147483647; RingGan.Sample draws 1 to 107,374,182");
        Refused(() => gan.CreateNoise(-3), "count: is -3; RingGan.CreateNoise draws 1 to");
        using var empty = zeros(0, 8);
        Refused(() => gan.Generate(empty), "noise: has shape [0, 8]; RingGan generates from noise [N, 8] with N ≥ 1");
    }

    [Fact]
    public void LabelsToSampleFromMustBeDeclaredClasses()
    {
        using var gan = new ConditionalPointsGan(seed: 1);
        using var outside = tensor(new long[] { 0, 2, 3 });
        Refused(() => gan.Sample(outside), "labels: holds class 3; ConditionalPointsGan declares 3 classes, 0 to 2");
        using var negative = tensor(new long[] { -1 });
        Refused(() => gan.Sample(negative), "labels: holds class -1;");
        using var floats = zeros(3);
        Refused(() => gan.Sample(floats), "labels: has dtype Float32; class indices must be Int64");
        using var matrix = zeros(new long[] { 2, 2 }, dtype: ScalarType.Int64);
        Refused(() => gan.Sample(matrix), "labels: has shape [2, 2]; ConditionalPointsGan samples from [N] class indices");
        using var noise = randn(3, 4);
        Refused(() => gan.Generate(noise, outside), "labels: holds class 3;");
    }

    [Fact]
    public void FilePathsMustNameAFileOrFolderOfTheRightKind()
    {
        using var gan = new RingGan(seed: 1);
        Refused(() => gan.SaveWeights(""), "path: is empty; give the path of a safetensors weights file");
        Refused(() => gan.SaveWeights(null!), "path: is null; give the path of a safetensors weights file");
        Refused(() => gan.SaveWeights(_folder), $"{_folder}: is a folder; give the path of a safetensors weights file to write");
        Refused(() => gan.LoadWeights(_folder), $"{_folder}: is a folder; give the path of a safetensors weights file");
        Refused(() => gan.SaveCheckpoint("  "), "path: is empty; give the path of a checkpoint file");
        Refused(() => gan.LoadCheckpoint(_folder), $"{_folder}: is a folder; give the path of a checkpoint file");
        Refused(() => gan.ExportOnnx(""), "generatorPath: is empty; give the path of an ONNX model file");
        Refused(() => gan.ExportOnnx(Path.Combine(_folder, "g.onnx"), _folder), $"{_folder}: is a folder; give the path of an ONNX model file to write");
        string file = Path.Combine(_folder, "twin");
        File.WriteAllText(file, "a file, not a folder");
        Refused(() => gan.WritePyTorchTwin(file), $"{file}: is a file; give the path of a folder for the PyTorch twin to write");
        Assert.Equal(new[] { file }, Directory.GetFileSystemEntries(_folder)); // nothing was written
    }

    [Fact]
    public void BatchSourcesRefuseBatchSizesOutsideTheirData()
    {
        using var ten = zeros(10, 2);
        Refused(() => new ShuffledBatches(ten, 0, seed: 1), "batchSize: is 0; the dataset has 10 samples, so a batch holds 1 to 10");
        Refused(() => new ShuffledBatches(ten, 11, seed: 1), "batchSize: is 11; the dataset has 10 samples, so a batch holds 1 to 10");
        Refused(() => new ShuffledBatches(null!, 1, seed: 1), "data: is null;");
        using var scalar = tensor(1f);
        Refused(() => new ShuffledBatches(scalar, 1, seed: 1), "data: is a scalar (0 dimensions)");
        using var labels = zeros(9, dtype: ScalarType.Int64);
        Refused(() => new ShuffledBatches(ten, 2, seed: 1, labels), "labels: has shape [9], but the dataset has 10 samples; give one label per sample, [10]");
        using var batches = new ShuffledBatches(ten.clone(), 5, seed: 1);
        Refused(() => batches.ForStep(-1), "step: is -1; steps start at 0");

        string idx = Path.Combine(_folder, "images.idx");
        File.WriteAllBytes(idx, GanGen.Tests.Data.HostileFiles.Images(4, 2, 2));
        Refused(() => new StreamingIdxBatches(idx, 0, seed: 1), "batchSize: is 0; a batch holds at least 1 image");
        Refused(() => new StreamingIdxBatches(idx, 2, seed: 1, windowSamples: 0), "windowSamples: is 0; a window holds at least 1 image");
        Refused(() => IdxReader.ReadImages(idx, limit: 0), $"limit: is 0; read at least 1 of the 4 images of '{idx}', or pass null for all of them");
        Refused(() => IdxReader.ReadLabels(idx, classes: 0), "classes: is 0; uint8 labels name 1 to 256 classes");
    }

    [Fact]
    public void ImageGridsAndPngFilesRefuseWhatCannotBeAnImage()
    {
        using var images = zeros(4, 1, 3, 3);
        Refused(() => ImageGrid.Make(null!), "images: is null;");
        using var flat = zeros(4, 9);
        Refused(() => ImageGrid.Make(flat), "images: has shape [4, 9]; an image grid needs [N ≥ 1, 1 or 3, H ≥ 1, W ≥ 1] images");
        Refused(() => ImageGrid.Make(images, columns: 0), "columns: is 0; a grid has at least 1 column");
        Refused(() => ImageGrid.Make(images, padding: -1), "padding: is -1; the padding is 0 to 1024 pixels");
        Refused(() => ImageGrid.Make(images, low: 1, high: 1), "high: the value range [1, 1] is not a finite range with low < high");
        Refused(() => ImageGrid.Make(images, high: double.NaN), "high: the value range [-1, NaN] is not a finite range");
        Refused(() => ImageGrid.Make(images, columns: int.MaxValue),
            "columns: 4 images of 3×3 in 2147483647 columns make a grid of 10737418237×7 pixels (75,161,927,659); an image may have at most 64,000,000 pixels");

        string png = Path.Combine(_folder, "grid.png");
        using var rgb = zeros(3, 4, 4);
        Refused(() => PngFile.Write(rgb, ""), "path: is empty; give the path of a PNG file");
        Refused(() => PngFile.Write(rgb, _folder), $"{_folder}: is a folder; give the path of a PNG file to write");
        Refused(() => PngFile.Write(images, png), "image: has shape [4, 1, 3, 3]; a PNG needs a [1 or 3, H, W] image");
        using var one = zeros(1, 1, 1);
        using var huge = one.expand(1, 10_000, 10_000); // a view: the check must come before any copy
        Refused(() => PngFile.Write(huge, png), "image: has 10000×10000 pixels (100,000,000); an image may have at most 64,000,000 pixels");
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void GaussianMixturesRefuseCountsAndSpreadsOutOfRange()
    {
        using var ring = GaussianMixture2D.Ring(seed: 1);
        Refused(() => ring.Sample(0), "count: is 0; Sample draws 1 to 268,435,456 points per call");
        Refused(() => ring.Sample(int.MaxValue), "count: is 2147483647; Sample draws 1 to 268,435,456 points per call");
        Refused(() => GaussianMixture2D.Ring(standardDeviation: double.PositiveInfinity), "standardDeviation: is Infinity; the standard deviation must be a finite number greater than 0");
        Refused(() => GaussianMixture2D.Ring(radius: double.NaN), "radius: is NaN; the ring's radius must be a finite number greater than 0");
        Refused(() => new GaussianMixture2D("bad", new double[,] { { 0, double.NaN } }, 0.1, seed: 1), "centers: holds NaN; every centre coordinate must be a finite number");
        Refused(() => new GaussianMixture2D("bad", new double[3, 3], 0.1, seed: 1), "centers: is a [3, 3] array; the centres are a [K ≥ 1, 2] array");
    }

    /// <summary>Exactly a <see cref="GanInputException"/> on one line whose message starts with <paramref name="expected"/>.</summary>
    private static void Refused(Action call, string expected)
    {
        var error = Assert.Throws<GanInputException>(call);
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static void Refused(Func<object?> call, string expected) => Refused(() => { (call() as IDisposable)?.Dispose(); }, expected);
}
