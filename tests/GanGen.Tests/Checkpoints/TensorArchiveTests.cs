using System;
using System.IO;
using System.Text;
using GanGen.Runtime.Checkpoints;
using static TorchSharp.torch;

namespace GanGen.Tests.Checkpoints;

/// <summary>
/// Archives whose checksum is valid but whose header fields are not: each ends in one InvalidDataException that names
/// the file and the field, before anything is allocated for it.
/// </summary>
public sealed class TensorArchiveTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-archive-" + Guid.NewGuid().ToString("N"));

    public TensorArchiveTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RoundTripKeepsMetadataTensorsAndDtypes()
    {
        string path = Path.Combine(_folder, "ok.ggck");
        using (var archive = new TensorArchive())
        {
            archive.Metadata["name"] = "ünïcode ✓";
            archive.Add("weights", arange(6, dtype: float32).reshape(2, 3));
            archive.Add("counts", arange(3, dtype: int64));
            archive.Add("scalar", tensor(2.5));
            archive.Add("empty", zeros(0, 4));
            AtomicFile.Write(path, archive.Write);
        }
        using var read = TensorArchive.Read(path);
        Assert.Equal("ünïcode ✓", read.Metadata["name"]);
        Assert.Equal(new long[] { 2, 3 }, read.Tensors["weights"].shape);
        Assert.Equal(5f, read.Tensors["weights"][1, 2].item<float>());
        Assert.Equal(ScalarType.Int64, read.Tensors["counts"].dtype);
        Assert.Equal(2.5, read.Tensors["scalar"].item<double>());
        Assert.Equal(new long[] { 0, 4 }, read.Tensors["empty"].shape);
    }

    [Fact]
    public void UnknownDtypeIsNamed() =>
        AssertCorrupt(Tensors(1).Tensor("w", new long[] { 2 }, dtype: 99), "'w' has an unknown dtype code 99");

    [Fact]
    public void RankOutOfRangeIsNamed()
    {
        AssertCorrupt(Tensors(1).Text("w").Int32(6).Int32(-1).Int64(0), "'w' has rank -1");
        AssertCorrupt(Tensors(1).Text("w").Int32(6).Int32(1_000_000).Int64(0), "'w' has rank 1000000");
    }

    [Fact]
    public void NegativeDimensionIsNamed() =>
        AssertCorrupt(Tensors(1).Tensor("w", new long[] { 2, -3 }, byteLength: 0, data: Array.Empty<byte>()), "negative dimension -3");

    [Fact]
    public void HugeShapeIsRefusedBeforeAllocating() =>
        AssertCorrupt(Tensors(1).Text("w").Int32(6).Int32(2).Int64(1L << 40).Int64(1L << 40).Int64(0), "'w' declares shape [1099511627776");

    [Fact]
    public void ByteLengthThatDisagreesWithTheShapeIsNamed() =>
        // Formerly "Tensor invalid -- empty handle", a message built from a disposed tensor.
        AssertCorrupt(Tensors(1).Tensor("w", new long[] { 2, 3 }, byteLength: 12, data: new byte[12]), "'w' declares 12 bytes, but its shape [2, 3] of Float32 needs 24");

    [Fact]
    public void AbsurdCountsAreBoundedByTheFile()
    {
        AssertCorrupt(new RawArchive().Int32(int.MaxValue).Int32(0), "declares 2147483647 metadata entries");
        AssertCorrupt(new RawArchive().Int32(-5).Int32(0), "declares -5 metadata entries");
        AssertCorrupt(new RawArchive().Int32(0).Int32(int.MaxValue), "declares 2147483647 tensors");
    }

    [Fact]
    public void StringsAreBoundedAndValidUtf8()
    {
        AssertCorrupt(new RawArchive().Int32(1).Bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), "metadata key 0 declares");
        AssertCorrupt(new RawArchive().Int32(1).Bytes(2, 0xC3, 0x28).Text("v").Int32(0), "metadata key 0 is not valid UTF-8");
    }

    [Fact]
    public void DuplicateNamesAndTrailingBytesAreNamed()
    {
        AssertCorrupt(Tensors(2).Tensor("w", new long[] { 1 }).Tensor("w", new long[] { 1 }), "tensor 'w' appears twice");
        AssertCorrupt(Tensors(1).Tensor("w", new long[] { 1 }).Bytes(1, 2, 3), "3 unread bytes");
    }

    [Fact]
    public void TheFormerFormatGetsAClearError()
    {
        string path = Path.Combine(_folder, "old.ckpt");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("GGCKPT01").AsSpan().ToArray());
        var error = Assert.Throws<InvalidDataException>(() => TensorArchive.Read(path));
        Assert.Contains("old.ckpt", error.Message);
        Assert.Contains("archive format 1, without a checksum", error.Message);
    }

    [Fact]
    public void EmptyAndCutMagicAreNamedAsSuch()
    {
        string path = Path.Combine(_folder, "short.ckpt");
        File.WriteAllBytes(path, []);
        Assert.Contains("short.ckpt' is empty", Assert.Throws<InvalidDataException>(() => TensorArchive.Read(path)).Message);
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("GGCKP"));
        Assert.Contains("short.ckpt' is truncated", Assert.Throws<InvalidDataException>(() => TensorArchive.Read(path)).Message);
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("PK\u0003\u0004 a zip"));
        Assert.Contains("short.ckpt' is not a GanGen checkpoint", Assert.Throws<InvalidDataException>(() => TensorArchive.Read(path)).Message);
    }

    /// <summary>An archive with no metadata and <paramref name="count"/> tensors to follow.</summary>
    private static RawArchive Tensors(int count) => new RawArchive().Int32(0).Int32(count);

    private void AssertCorrupt(RawArchive archive, string expected)
    {
        string path = Path.Combine(_folder, "crafted.ggck");
        archive.Save(path);
        var error = Assert.Throws<InvalidDataException>(() => TensorArchive.Read(path));
        Assert.Contains("crafted.ggck", error.Message);
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"expected '{expected}' in: {error.Message}");
        Assert.DoesNotContain("\n", error.Message);
    }
}
