using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using GanGen.Runtime.Checkpoints;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop;

/// <summary>
/// Reads and writes the safetensors format (8-byte little-endian header length, a UTF-8 JSON header, then the raw
/// little-endian tensor bytes), the weight format PyTorch, Hugging Face and most runtimes exchange.
/// </summary>
public static partial class SafeTensors
{
    /// <summary>The largest header accepted: the format's own 100 MB cap, so a corrupt length never drives an allocation.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private const int LengthPrefixBytes = 8;

    /// <summary>Why an export of non-finite values wrote nothing, and what to do instead.</summary>
    internal const string WriteRefused = "nothing was written: export from a finite state (e.g. the last finite checkpoint; lower the learning rates if training diverged)";

    /// <summary>
    /// Writes <paramref name="tensors"/> sorted by name (so equal inputs give equal files) with optional string
    /// <paramref name="metadata"/>, atomically: readers see the old file or the complete new one.
    /// </summary>
    /// <exception cref="GanInputException">
    /// The path is empty or a folder, a tensor is null or named <c>__metadata__</c> (reserved by the format), or a
    /// floating-point tensor holds NaN or ±∞ (named, with the counts; nothing is written).
    /// </exception>
    /// <exception cref="NotSupportedException">A tensor's element type has no safetensors dtype, or it exceeds 2 GiB.</exception>
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        RequireArguments(path, tensors);
        NonFiniteValues.Require(tensors, path, WriteRefused);
        WriteChecked(path, tensors, metadata);
    }

    /// <summary>
    /// <see cref="Write"/> without the finiteness check: every value's bits as they are, NaN payloads and infinities
    /// included — for files that are not weights (a test's random bits, a mask). Weights go through <see cref="Write"/>.
    /// </summary>
    public static void WriteBits(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        RequireArguments(path, tensors);
        WriteChecked(path, tensors, metadata);
    }

    private static void WriteChecked(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        LittleEndianHost.Require("safetensors");

        var names = new List<string>(tensors.Keys);
        names.Sort(StringComparer.Ordinal);
        var entries = new List<SafeTensorsEntry>(names.Count);
        long offset = 0;
        foreach (string name in names)
        {
            var tensor = tensors[name];
            long length = tensor.NumberOfElements * tensor.ElementSize;
            RequireSpanSized(length, name, path);
            entries.Add(new SafeTensorsEntry(name, SafeTensorsDType.CodeOf(tensor.dtype), tensor.dtype, tensor.shape, offset, offset + length));
            offset += length;
        }
        byte[] header = SafeTensorsHeaderWriter.Encode(entries, metadata ?? new Dictionary<string, string>());

        AtomicFile.Write(path, stream =>
        {
            Span<byte> prefix = stackalloc byte[LengthPrefixBytes];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            stream.Write(header);
            foreach (var entry in entries) WriteData(stream, tensors[entry.Name]);
        });
    }

    /// <summary>Reads and validates a safetensors file; the tensors are on the CPU and owned by the returned object.</summary>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the problem.</exception>
    public static SafeTensorsFile Read(string path)
    {
        InteropArguments.RequireFilePath(path, nameof(path));
        LittleEndianHost.Require("safetensors");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long fileLength = stream.Length;
        if (fileLength < LengthPrefixBytes)
            throw SafeTensorsFormatError.Create(path, $"it is only {fileLength} bytes long, shorter than the 8-byte header length");

        Span<byte> prefix = stackalloc byte[LengthPrefixBytes];
        stream.ReadExactly(prefix);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        // Both limits are checked before the header buffer is allocated.
        if (headerLength > MaxHeaderBytes)
            throw SafeTensorsFormatError.Create(path, $"the header length {headerLength} exceeds the {MaxHeaderBytes}-byte limit");
        if ((long)headerLength > fileLength - LengthPrefixBytes)
            throw SafeTensorsFormatError.Create(path, $"the header length {headerLength} is larger than the {fileLength - LengthPrefixBytes} bytes after the length prefix");

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        long dataStart = LengthPrefixBytes + (long)headerLength;
        var (entries, metadata) = SafeTensorsHeaderParser.Parse(header, fileLength - dataStart, path);

        var file = new SafeTensorsFile(path, metadata);
        try
        {
            foreach (var entry in entries)
            {
                RequireSpanSized(entry.Length, entry.Name, path);
                // The shape was checked against data_offsets and the file size, so this allocation is bounded by the file.
                var tensor = empty(entry.Shape, dtype: entry.Type);
                file.Add(entry.Name, tensor);
                if (entry.Length == 0) continue;
                stream.Position = dataStart + entry.Begin;
                stream.ReadExactly(tensor.bytes);
                if (entry.Type == ScalarType.Bool) RequireBooleanBytes(tensor.bytes, entry.Name, path);
            }
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static void RequireArguments(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        InteropArguments.RequireFilePath(path, nameof(path));
        if (tensors is null) throw new GanInputException(nameof(tensors), "is null; pass the tensors to write by name");
        foreach (var (name, tensor) in tensors)
        {
            if (name == SafeTensorsHeaderParser.MetadataKey)
                throw new GanInputException(nameof(tensors), $"'{SafeTensorsHeaderParser.MetadataKey}' is reserved for metadata and cannot name a tensor");
            if (tensor is null) throw new GanInputException(nameof(tensors), $"tensor '{name}' is null");
        }
    }

    private static void WriteData(Stream stream, Tensor tensor)
    {
        if (tensor.NumberOfElements == 0) return;
        // The scope frees the detached/CPU/contiguous temporaries; the caller's tensor was made outside it and survives.
        using var scope = NewDisposeScope();
        var contiguousCpu = tensor.detach().cpu().contiguous();
        stream.Write(contiguousCpu.bytes);
    }

    // libtorch rejects any byte but 0 and 1 in a bool tensor's storage only by misbehaving later, so refuse them here.
    private static void RequireBooleanBytes(ReadOnlySpan<byte> bytes, string name, string path)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] > 1)
                throw SafeTensorsFormatError.Create(path, $"BOOL tensor '{name}' holds the byte {bytes[i]} at element {i}; only 0 and 1 are valid");
        }
    }

    // TorchSharp exposes a tensor's storage as a Span<byte>, whose length is an int.
    private static void RequireSpanSized(long length, string name, string path)
    {
        if (length > int.MaxValue)
            throw new NotSupportedException($"'{path}': tensor '{name}' has {length} bytes; tensors over 2 GiB are not supported.");
    }
}
