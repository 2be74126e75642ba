using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace GanGen.Runtime.Checkpoints;

/// <summary>
/// A small self-describing container of named tensors and string metadata, protected by its length and a SHA-256
/// checksum (layout: <see cref="ArchiveFormat"/>). Reading verifies the length and the checksum before it parses
/// anything, then validates every header field (dtype, rank, dimensions, byte lengths, counts) before it allocates,
/// so a truncated, damaged or foreign file ends in one <see cref="InvalidDataException"/> that names the file and what
/// is wrong — never a half-loaded archive, a native error or an absurd allocation.
/// </summary>
public sealed class TensorArchive : IDisposable
{
    /// <summary>The archive format this version writes and reads.</summary>
    public const int FormatVersion = 2;

    /// <summary>String metadata (step counts, names, learning rates).</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>Tensors by name, on the CPU.</summary>
    public Dictionary<string, Tensor> Tensors { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a CPU copy of <paramref name="tensor"/> under <paramref name="name"/>.</summary>
    public void Add(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var detached = tensor.detach();
        Tensors.Add(name, detached.cpu().contiguous().clone());
    }

    /// <summary>Writes the archive to <paramref name="stream"/>: header, payload, end marker and checksum.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long length = ArchiveFormat.HeaderLength + PayloadLength() + ArchiveFormat.Trailer.Length + ArchiveFormat.ChecksumLength;
        using var hashing = new HashingStream(stream);
        using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(ArchiveFormat.Magic);
            writer.Write(length);
            writer.Write(Metadata.Count);
            foreach (var (key, value) in Metadata)
            {
                writer.Write(key);
                writer.Write(value);
            }
            writer.Write(Tensors.Count);
            foreach (var (name, tensor) in Tensors)
            {
                writer.Write(name);
                writer.Write((int)tensor.dtype);
                var shape = tensor.shape;
                writer.Write(shape.Length);
                foreach (long dimension in shape) writer.Write(dimension);
                var bytes = tensor.bytes;
                writer.Write((long)bytes.Length);
                writer.Write(bytes);
            }
            writer.Write(ArchiveFormat.Trailer);
        }
        stream.Write(hashing.Checksum());
    }

    /// <summary>Reads the archive at <paramref name="path"/>.</summary>
    public static TensorArchive Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads an archive from the start of <paramref name="stream"/>; <paramref name="path"/> only names the source in errors.</summary>
    public static TensorArchive Read(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            // Verifying the checksum before parsing needs two passes.
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var archive = new TensorArchive();
        try
        {
            long end = CheckEnvelope(stream, path);
            var reader = new PayloadReader(stream, end, path);
            ReadPayload(reader, archive);
            if (reader.Remaining != 0) throw reader.Corrupt($"{reader.Remaining} unread bytes lie between the last tensor and the end marker");
            return archive;
        }
        catch (EndOfStreamException)
        {
            archive.Dispose();
            throw new InvalidDataException($"'{path}' is truncated: it ended while it was being read (was it being written?).");
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>The tensor named <paramref name="name"/>, or an error naming the file and the missing entry.</summary>
    public Tensor Get(string name, string path) =>
        Tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new InvalidDataException($"'{path}' has no tensor '{name}'; it was written by a different model or GanGen version.");

    /// <summary>The metadata value <paramref name="key"/>, or an error naming the file.</summary>
    public string Get(string key, string path, bool metadata) =>
        Metadata.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"'{path}' has no '{key}' entry.");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in Tensors.Values) tensor.Dispose();
        Tensors.Clear();
    }

    private long PayloadLength()
    {
        long length = 4 + 4;
        foreach (var (key, value) in Metadata) length += ArchiveFormat.StringLength(key) + ArchiveFormat.StringLength(value);
        foreach (var (name, tensor) in Tensors)
            length += ArchiveFormat.StringLength(name) + 4 + 4 + 8L * tensor.shape.Length + 8 + tensor.NumberOfElements * tensor.ElementSize;
        return length;
    }

    /// <summary>
    /// Checks magic, declared length, end marker and checksum; returns where the payload ends, with the stream at its
    /// start. Any flipped byte or truncation of a format-2 file fails here.
    /// </summary>
    private static long CheckEnvelope(Stream stream, string path)
    {
        long actual = stream.Length;
        var header = new byte[ArchiveFormat.HeaderLength];
        int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var magic = header.AsSpan(0, Math.Min(read, ArchiveFormat.Magic.Length));
        if (read == 0) throw new InvalidDataException($"'{path}' is empty: it holds no checkpoint.");
        if (read < ArchiveFormat.Magic.Length && ArchiveFormat.Magic.AsSpan().StartsWith(magic))
            throw new InvalidDataException($"'{path}' is truncated: it ends inside its {ArchiveFormat.HeaderLength}-byte header.");
        if (magic.SequenceEqual(ArchiveFormat.LegacyMagic))
            throw new InvalidDataException($"'{path}' was written by an earlier GanGen (archive format 1, without a checksum); this version reads format {FormatVersion} only: re-create it (train again, or re-save it with the GanGen version that wrote it).");
        if (magic.Length < ArchiveFormat.Magic.Length || !magic.StartsWith(ArchiveFormat.MagicPrefix))
            throw new InvalidDataException($"'{path}' is not a GanGen checkpoint (its first bytes are not 'GGCKPT02').");
        if (!magic.SequenceEqual(ArchiveFormat.Magic))
            throw new InvalidDataException($"'{path}' has archive format '{Encoding.ASCII.GetString(magic[6..])}', which this GanGen does not read (it reads format 0{FormatVersion}).");
        if (read < header.Length) throw new InvalidDataException($"'{path}' is truncated: it ends inside its {ArchiveFormat.HeaderLength}-byte header.");

        long declared = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(8));
        if (declared < ArchiveFormat.MinimumLength)
            throw new InvalidDataException($"'{path}' is corrupt: its header declares a length of {declared} bytes, less than the {ArchiveFormat.MinimumLength} of an empty archive.");
        if (actual < declared)
            throw new InvalidDataException($"'{path}' is truncated: its header declares {declared} bytes, but the file has {actual}.");
        if (actual > declared)
            throw new InvalidDataException($"'{path}' is corrupt: it has {actual - declared} bytes more than the {declared} its header declares.");

        long hashed = actual - ArchiveFormat.ChecksumLength;
        var computed = HashPrefix(stream, hashed);
        var stored = new byte[ArchiveFormat.ChecksumLength];
        stream.ReadExactly(stored);
        if (!CryptographicOperations.FixedTimeEquals(computed, stored))
            throw new InvalidDataException($"'{path}' is corrupt: its SHA-256 checksum does not match its contents (the file was damaged or modified after it was written).");

        long end = hashed - ArchiveFormat.Trailer.Length;
        var trailer = new byte[ArchiveFormat.Trailer.Length];
        stream.Position = end;
        stream.ReadExactly(trailer);
        if (!trailer.AsSpan().SequenceEqual(ArchiveFormat.Trailer))
            throw new InvalidDataException($"'{path}' is corrupt: the end-of-archive marker is missing.");
        stream.Position = ArchiveFormat.HeaderLength;
        return end;
    }

    private static byte[] HashPrefix(Stream stream, long length)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        stream.Position = 0;
        for (long left = length; left > 0;)
        {
            int n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n == 0) throw new EndOfStreamException();
            hash.AppendData(buffer, 0, n);
            left -= n;
        }
        return hash.GetHashAndReset();
    }

    private static void ReadPayload(PayloadReader reader, TensorArchive archive)
    {
        int metadataCount = reader.ReadCount("metadata entries", minimumEntryBytes: 2);
        for (int i = 0; i < metadataCount; i++)
        {
            string key = reader.ReadString($"metadata key {i}");
            string value = reader.ReadString($"metadata value '{key}'");
            if (!archive.Metadata.TryAdd(key, value)) throw reader.Corrupt($"metadata key '{key}' appears twice");
        }
        // name length (≥ 1), dtype, rank, byte length
        int tensorCount = reader.ReadCount("tensors", minimumEntryBytes: 1 + 4 + 4 + 8);
        for (int i = 0; i < tensorCount; i++)
        {
            string name = reader.ReadString($"the name of tensor {i}");
            if (archive.Tensors.ContainsKey(name)) throw reader.Corrupt($"tensor '{name}' appears twice");
            archive.Tensors.Add(name, ReadTensor(reader, name));
        }
    }

    private static Tensor ReadTensor(PayloadReader reader, string name)
    {
        int code = reader.ReadInt32($"the dtype of '{name}'");
        int elementSize = ArchiveFormat.ElementSize(code);
        if (elementSize == 0) throw reader.Corrupt($"tensor '{name}' has an unknown dtype code {code}");
        int rank = reader.ReadInt32($"the rank of '{name}'");
        if (rank < 0 || rank > ArchiveFormat.MaxRank)
            throw reader.Corrupt($"tensor '{name}' has rank {rank}; ranks lie between 0 and {ArchiveFormat.MaxRank}");
        var shape = new long[rank];
        long elements = 1;
        for (int d = 0; d < rank; d++)
        {
            shape[d] = reader.ReadInt64($"the shape of '{name}'");
            if (shape[d] < 0) throw reader.Corrupt($"tensor '{name}' has a negative dimension {shape[d]} in its shape");
            // Bounded by the payload: anything larger could never match the byte length below.
            elements = shape[d] == 0 || elements == 0 ? 0 : Math.Min(elements, long.MaxValue / shape[d]) * shape[d];
            if (elements > reader.Remaining) throw reader.Corrupt($"tensor '{name}' declares shape {ArchiveFormat.ShapeText(shape.AsSpan(0, d + 1))}, larger than the {reader.Remaining} bytes that remain");
        }
        var dtype = (ScalarType)code;
        long length = reader.ReadInt64($"the byte length of '{name}'");
        long needed = elements * elementSize;
        if (length != needed)
            throw reader.Corrupt($"tensor '{name}' declares {length} bytes, but its shape {ArchiveFormat.ShapeText(shape)} of {dtype} needs {needed}");
        if (length > reader.Remaining)
            throw reader.Corrupt($"tensor '{name}' declares {length} bytes, but only {reader.Remaining} remain");
        if (length > Array.MaxLength)
            throw new InvalidDataException($"'{reader.Path}': tensor '{name}' holds {length} bytes; tensors above {Array.MaxLength} bytes are not supported.");
        var data = new byte[length];
        reader.Fill(data, $"the data of '{name}'");
        var tensor = empty(shape, dtype: dtype);
        if (length > 0) tensor.bytes = data;
        return tensor;
    }
}
