using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using GanGen.Runtime;
using GanGen.Runtime.Data;

namespace GanGen.Tests.Data;

/// <summary>Streaming batches from an IDX file larger than one window: coverage, determinism, random access, errors.</summary>
public sealed class StreamingIdxBatchesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-stream-" + Guid.NewGuid().ToString("N"));

    public StreamingIdxBatchesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryFullBatchSampleAppearsOncePerEpoch(bool gzip)
    {
        string path = WriteIndexedImages(50, gzip);
        using var batches = new StreamingIdxBatches(path, batchSize: 4, seed: 3, GanGen.DataRange.ZeroToOne, windowSamples: 12);
        Assert.Equal(12, batches.BatchesPerEpoch);
        var seen = Epoch(batches, 0);
        Assert.Equal(48, seen.Count);
        Assert.Equal(48, seen.Distinct().Count());
        Assert.All(seen, id => Assert.InRange(id, 0, 47)); // windows come in file order; the remainder is dropped
        var next = Epoch(batches, 1);
        Assert.Equal(seen.OrderBy(x => x), next.OrderBy(x => x));
        Assert.NotEqual(seen, next); // reshuffled within windows
    }

    [Fact]
    public void RandomAccessReturnsTheSameBatchAsStreaming()
    {
        string path = WriteIndexedImages(40, gzip: true);
        using var sequential = new StreamingIdxBatches(path, 4, seed: 9, windowSamples: 8);
        var streamed = new List<int[]>();
        for (long step = 0; step < 25; step++) streamed.Add(Ids(sequential, step));
        using var jumping = new StreamingIdxBatches(path, 4, seed: 9, windowSamples: 8);
        foreach (long step in new long[] { 17, 3, 24, 0, 11 })
            Assert.Equal(streamed[(int)step], Ids(jumping, step));
    }

    [Fact]
    public void TruncatedPlainFileIsRefusedWhenOpened()
    {
        string path = WriteIndexedImages(20, gzip: false);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length - 10 * 4).ToArray());
        var error = Assert.Throws<GanInputException>(() => new StreamingIdxBatches(path, 2, seed: 1, windowSamples: 20));
        Assert.Equal($"{path}: is truncated: its header declares 20 images of 2×2, which need 96 bytes, but the file has 56; replace it with a complete copy", error.Message);
    }

    [Fact]
    public void TruncatedGzipFileIsReportedWhenReached()
    {
        // A gzip file's decompressed length is only known once it is read, so streaming finds the cut when it gets there.
        string path = WriteIndexedImages(20, gzip: true, keepBytes: 16 + 10 * 4);
        using var batches = new StreamingIdxBatches(path, 2, seed: 1, windowSamples: 20);
        var error = Assert.Throws<GanInputException>(() => batches.ForStep(0));
        Assert.Equal($"{path}: is truncated: its header declares 20 images of 2×2, which need 96 bytes decompressed, but the file has 56; replace it with a complete copy", error.Message);
    }

    [Fact]
    public void ImagesOfAnotherSizeThanTheModelsAreRefusedAtOpen()
    {
        string path = WriteIndexedImages(20, gzip: true); // 2×2 images
        var error = Assert.Throws<GanInputException>(() => new StreamingIdxBatches(path, 4, seed: 1, expectedShape: new long[] { 1, 28, 28 }));
        Assert.Equal($"{path}: holds 2×2 grayscale images, but the model's samples are [1, 28, 28]; use images of that size (or declare [GanData(1, 2, 2)])", error.Message);
    }

    private static List<int> Epoch(StreamingIdxBatches batches, long epoch)
    {
        var ids = new List<int>();
        for (long step = epoch * batches.BatchesPerEpoch; step < (epoch + 1) * batches.BatchesPerEpoch; step++) ids.AddRange(Ids(batches, step));
        return ids;
    }

    private static int[] Ids(StreamingIdxBatches batches, long step)
    {
        using var batch = batches.ForStep(step);
        using var firstPixels = batch.flatten(1).select(1, 0).mul(255).round();
        return firstPixels.data<float>().ToArray().Select(v => (int)v).ToArray();
    }

    /// <summary>Images of 2×2 pixels whose value is the image's index.</summary>
    private string WriteIndexedImages(int count, bool gzip, int? keepBytes = null)
    {
        var bytes = new byte[16 + count * 4];
        void BigEndian(int offset, int value) { bytes[offset] = (byte)(value >> 24); bytes[offset + 1] = (byte)(value >> 16); bytes[offset + 2] = (byte)(value >> 8); bytes[offset + 3] = (byte)value; }
        BigEndian(0, 0x00000803);
        BigEndian(4, count);
        BigEndian(8, 2);
        BigEndian(12, 2);
        for (int i = 0; i < count; i++) for (int p = 0; p < 4; p++) bytes[16 + i * 4 + p] = (byte)i;
        if (keepBytes is int kept) bytes = bytes.AsSpan(0, kept).ToArray();
        string path = Path.Combine(_folder, gzip ? "images.gz" : "images.idx");
        if (!gzip) File.WriteAllBytes(path, bytes);
        else
        {
            using var file = File.Create(path);
            using var compressed = new GZipStream(file, CompressionLevel.Fastest);
            compressed.Write(bytes);
        }
        return path;
    }
}
