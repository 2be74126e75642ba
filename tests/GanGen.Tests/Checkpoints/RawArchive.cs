using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace GanGen.Tests.Checkpoints;

/// <summary>
/// Builds archive files byte by byte, as the documented format 2 describes them, with a valid length and checksum
/// around whatever payload a test writes — so the reader's field validation is tested, not only its checksum.
/// </summary>
internal sealed class RawArchive
{
    private readonly MemoryStream _payload = new();
    private readonly BinaryWriter _writer;

    public RawArchive() => _writer = new BinaryWriter(_payload, Encoding.UTF8, leaveOpen: true);

    public RawArchive Int32(int value)
    {
        _writer.Write(value);
        return this;
    }

    public RawArchive Int64(long value)
    {
        _writer.Write(value);
        return this;
    }

    public RawArchive Text(string value)
    {
        _writer.Write(value);
        return this;
    }

    public RawArchive Bytes(params byte[] value)
    {
        _writer.Write(value);
        return this;
    }

    /// <summary>One float32 tensor header and its data, with every field overridable.</summary>
    public RawArchive Tensor(string name, long[] shape, int? dtype = null, int? rank = null, long? byteLength = null, byte[]? data = null)
    {
        long count = 1;
        foreach (var dimension in shape) count *= dimension;
        Text(name).Int32(dtype ?? 6).Int32(rank ?? shape.Length);
        foreach (var dimension in shape) Int64(dimension);
        Int64(byteLength ?? count * 4);
        return Bytes(data ?? new byte[count * 4]);
    }

    /// <summary>Magic, total length, payload, end marker and SHA-256, written to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        _writer.Flush();
        var payload = _payload.ToArray();
        long length = 16 + payload.Length + 8 + 32;
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes("GGCKPT02"));
        body.Write(BitConverter.GetBytes(length));
        body.Write(payload);
        body.Write(Encoding.ASCII.GetBytes("GGCKEND2"));
        body.Write(SHA256.HashData(body.ToArray()));
        File.WriteAllBytes(path, body.ToArray());
    }
}
