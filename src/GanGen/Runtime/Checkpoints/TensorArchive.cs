using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using static TorchSharp.torch;

namespace GanGen.Runtime.Checkpoints;

/// <summary>
/// A small self-describing container of named tensors and string metadata: magic, metadata, tensors (name, dtype,
/// shape, raw bytes) and a trailer, so a truncated or foreign file is detected and named instead of half-loaded.
/// </summary>
public sealed class TensorArchive : IDisposable
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("GGCKPT01");
    private static readonly byte[] Trailer = Encoding.ASCII.GetBytes("GGCKEND1");

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

    /// <summary>Writes the archive to <paramref name="stream"/>.</summary>
    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
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
        writer.Write(Trailer);
    }

    /// <summary>Reads an archive; <paramref name="path"/> only names the source in errors.</summary>
    public static TensorArchive Read(Stream stream, string path)
    {
        var archive = new TensorArchive();
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var magic = reader.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException($"'{path}' is not a GanGen checkpoint (its first bytes are not 'GGCKPT01').");
            int metadataCount = reader.ReadInt32();
            for (int i = 0; i < metadataCount; i++) archive.Metadata[reader.ReadString()] = reader.ReadString();
            int tensorCount = reader.ReadInt32();
            for (int i = 0; i < tensorCount; i++)
            {
                string name = reader.ReadString();
                var dtype = (ScalarType)reader.ReadInt32();
                int rank = reader.ReadInt32();
                if (rank < 0 || rank > 16) throw new InvalidDataException($"'{path}': tensor '{name}' has an invalid rank {rank}.");
                var shape = new long[rank];
                for (int d = 0; d < rank; d++) shape[d] = reader.ReadInt64();
                long length = reader.ReadInt64();
                var tensor = empty(shape, dtype: dtype);
                if (tensor.NumberOfElements * tensor.ElementSize != length)
                {
                    tensor.Dispose();
                    throw new InvalidDataException($"'{path}': tensor '{name}' declares {length} bytes, but its shape [{string.Join(", ", shape)}] of {dtype} needs {tensor.NumberOfElements * tensor.ElementSize}.");
                }
                var data = reader.ReadBytes(checked((int)length));
                if (data.Length != length)
                {
                    tensor.Dispose();
                    throw new InvalidDataException($"'{path}' is truncated: tensor '{name}' has {data.Length} of its {length} bytes.");
                }
                if (length > 0) tensor.bytes = data;
                archive.Tensors.Add(name, tensor);
            }
            var trailer = reader.ReadBytes(Trailer.Length);
            if (!trailer.AsSpan().SequenceEqual(Trailer))
                throw new InvalidDataException($"'{path}' is truncated or corrupt: the end-of-checkpoint marker is missing.");
            return archive;
        }
        catch (EndOfStreamException)
        {
            archive.Dispose();
            throw new InvalidDataException($"'{path}' is truncated: it ends in the middle of the checkpoint.");
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
}
