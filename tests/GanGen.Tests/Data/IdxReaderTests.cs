using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using GanGen.Runtime;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

namespace GanGen.Tests.Data;

/// <summary>IDX reading on small generated files, plain and gzip, and every corrupt case with its specific error.</summary>
public sealed class IdxReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-idx-" + Guid.NewGuid().ToString("N"));

    public IdxReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsImagesScaledToTheDeclaredRange(bool gzip)
    {
        string path = Write("images", Images(count: 3, rows: 2, columns: 2, first: new byte[] { 0, 255, 51, 102 }), gzip);
        using var symmetric = IdxReader.ReadImages(path, GanGen.DataRange.MinusOneToOne);
        Assert.Equal(new long[] { 3, 1, 2, 2 }, symmetric.shape);
        Assert.Equal(new[] { -1f, 1f, 51 / 127.5f - 1, 102 / 127.5f - 1 }, symmetric[0].flatten().data<float>().ToArray());
        using var unit = IdxReader.ReadImages(path, GanGen.DataRange.ZeroToOne, limit: 2);
        Assert.Equal(new long[] { 2, 1, 2, 2 }, unit.shape);
        Assert.Equal(new[] { 0f, 1f, 0.2f, 0.4f }, unit[0].flatten().data<float>().ToArray());
    }

    [Fact]
    public void ReadsLabelsAndChecksTheyMatchTheImages()
    {
        string images = Write("images", Images(3, 2, 2), gzip: true);
        string labels = Write("labels", Labels(7, 0, 9), gzip: false);
        var (x, y) = IdxReader.ReadPair(images, labels);
        using (x)
        using (y)
        {
            Assert.Equal(new long[] { 7, 0, 9 }, y.data<long>().ToArray());
        }
        string fewer = Write("fewer", Labels(1, 2), gzip: false);
        var error = Assert.Throws<GanInputException>(() => IdxReader.ReadPair(images, fewer));
        Assert.Equal($"{fewer}: has 2 labels, but '{images}' has 3 images; a label file holds exactly one label per image", error.Message);
    }

    [Fact]
    public void WrongMagicNumberIsNamed()
    {
        string path = Write("labels-as-images", Labels(1, 2, 3, 4, 5, 6, 7, 8, 9, 0), gzip: false);
        var error = Assert.Throws<GanInputException>(() => IdxReader.ReadImages(path));
        Assert.Equal(path, error.Subject);
        Assert.Equal("has magic number 0x00000801 (uint8 values in 1 dimension), expected 0x00000803 (uint8 images [N, rows, columns])", error.Problem);
    }

    [Fact]
    public void TruncatedFileStatesTheBytesItNeeds()
    {
        var bytes = Images(4, 3, 3);
        string path = Write("cut", bytes.Take(bytes.Length - 5).ToArray(), gzip: true);
        var error = Assert.Throws<GanInputException>(() => IdxReader.ReadImages(path));
        Assert.Equal(path, error.Subject);
        Assert.Equal($"is truncated: its header declares 4 images of 3×3, which need {bytes.Length} bytes decompressed, but the file has {bytes.Length - 5}; replace it with a complete copy", error.Problem);
    }

    [Fact]
    public void EmptyAndMissingFilesAreNamed()
    {
        string empty = Path.Combine(_folder, "empty.idx");
        File.WriteAllBytes(empty, Array.Empty<byte>());
        Assert.StartsWith($"{empty}: is empty (0 bytes); an IDX image file", Assert.Throws<GanInputException>(() => IdxReader.ReadImages(empty)).Message);
        string missing = Path.Combine(_folder, "absent.idx");
        Assert.StartsWith($"{missing}: does not exist; give the path of an IDX label file", Assert.Throws<GanInputException>(() => IdxReader.ReadLabels(missing)).Message);
        string header = Write("header", new byte[] { 0, 0, 8, 3, 0, 0 }, gzip: false);
        Assert.StartsWith($"{header}: is truncated: its 6 bytes do not hold the 16-byte IDX header", Assert.Throws<GanInputException>(() => IdxReader.ReadImages(header)).Message);
    }

    [Fact]
    public void ImagesOfAnotherSizeThanTheModelsAreRefusedFromTheHeader()
    {
        string path = Write("large", Images(2, 32, 32), gzip: true);
        var error = Assert.Throws<GanInputException>(() => IdxReader.ReadImages(path, expectedShape: new long[] { 1, 28, 28 }));
        Assert.Equal($"{path}: holds 32×32 grayscale images, but the model's samples are [1, 28, 28]; use images of that size (or declare [GanData(1, 32, 32)])", error.Message);
        using var fits = IdxReader.ReadImages(path, expectedShape: new long[] { 1, 32, 32 });
        Assert.Equal(new long[] { 2, 1, 32, 32 }, fits.shape);
    }

    [Fact]
    public void EmbeddedTestSplitHasTenThousandBalancedImagesInRange()
    {
        string folder = EmbeddedFolder();
        var (images, labels) = IdxReader.ReadPair(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"));
        using (images)
        using (labels)
        {
            Assert.Equal(new long[] { 10_000, 1, 28, 28 }, images.shape);
            Assert.Equal(-1f, images.min().item<float>());
            Assert.Equal(1f, images.max().item<float>());
            using var counts = labels.bincount(null);
            Assert.Equal(Enumerable.Repeat(1000L, 10), counts.data<long>().ToArray());
        }
    }

    [Fact]
    public void EmbeddedTrainingSubsetIsTenThousandTrainingImagesNoneOfThemATestImage()
    {
        string folder = EmbeddedFolder();
        var (train, labels) = IdxReader.ReadPair(Path.Combine(folder, "train-images-idx3-ubyte.gz"), Path.Combine(folder, "train-labels-idx1-ubyte.gz"));
        using var test = IdxReader.ReadImages(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"));
        using (train)
        using (labels)
        {
            Assert.Equal(new long[] { 10_000, 1, 28, 28 }, train.shape);
            using var counts = labels.bincount(null);
            Assert.All(counts.data<long>().ToArray(), count => Assert.InRange(count, 900, 1100)); // every class, roughly balanced
            // Quality figures compare generated images with test images: the training data must not contain them.
            var trainPrints = Fingerprints(train).ToHashSet();
            Assert.DoesNotContain(Fingerprints(test), trainPrints.Contains);
        }
    }

    /// <summary>One number per image that equal images share (a fixed random projection of the pixels).</summary>
    private static double[] Fingerprints(TorchSharp.torch.Tensor images)
    {
        using var weights = rand(784, dtype: float64, generator: new TorchSharp.torch.Generator(5));
        using var flat = images.flatten(1).to(float64);
        using var prints = flat.matmul(weights);
        return prints.data<double>().ToArray();
    }

    internal static string EmbeddedFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "data", "fashion-mnist");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("data/fashion-mnist not found above the test output folder");
    }

    private string Write(string name, byte[] bytes, bool gzip)
    {
        string path = Path.Combine(_folder, name + (gzip ? ".gz" : ".idx"));
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return path;
        }
        using var file = File.Create(path);
        using var compressed = new GZipStream(file, CompressionLevel.Fastest);
        compressed.Write(bytes);
        return path;
    }

    private static byte[] Images(int count, int rows, int columns, byte[]? first = null)
    {
        var bytes = new byte[16 + count * rows * columns];
        BigEndian(bytes, 0, 0x00000803);
        BigEndian(bytes, 4, count);
        BigEndian(bytes, 8, rows);
        BigEndian(bytes, 12, columns);
        for (int i = 16; i < bytes.Length; i++) bytes[i] = (byte)(i * 7);
        first?.CopyTo(bytes, 16);
        return bytes;
    }

    private static byte[] Labels(params byte[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BigEndian(bytes, 0, 0x00000801);
        BigEndian(bytes, 4, labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    private static void BigEndian(byte[] bytes, int offset, int value)
    {
        bytes[offset] = (byte)(value >> 24);
        bytes[offset + 1] = (byte)(value >> 16);
        bytes[offset + 2] = (byte)(value >> 8);
        bytes[offset + 3] = (byte)value;
    }
}
