using System;
using System.IO;
using System.IO.Compression;

namespace GanGen.Runtime.Data;

/// <summary>What an IDX file holds: uint8 images [N, rows, columns] or uint8 labels [N].</summary>
internal enum IdxContent
{
    Images,
    Labels,
}

/// <summary>
/// One open IDX file (gzip-compressed or plain, recognised by the 1F 8B header, not the file name) whose header has
/// been checked before anything is allocated: the magic number (uint8 and the rank its content needs), a sample
/// count of at most 2^31 − 1, images of 1 to <see cref="InputLimits.MaxImagePixels"/> pixels, and — for a plain
/// file, whose length is known — exactly the bytes the header declares. A gzip file's length is checked as it is
/// read. Every problem is one <see cref="GanInputException"/> naming the file.
/// </summary>
internal sealed class IdxFile : IDisposable
{
    private const int ImageMagic = 0x00000803;
    private const int LabelMagic = 0x00000801;
    private readonly Stream _stream;
    private long _position;

    private IdxFile(string path, IdxContent content, Stream stream, bool compressed)
    {
        Path = path;
        Content = content;
        _stream = stream;
        Compressed = compressed;
    }

    public string Path { get; }

    public IdxContent Content { get; }

    public bool Compressed { get; }

    /// <summary>Samples the header declares (images or labels).</summary>
    public int Count { get; private set; }

    /// <summary>Rows of each image (1 for labels).</summary>
    public int Rows { get; private set; } = 1;

    /// <summary>Columns of each image (1 for labels).</summary>
    public int Columns { get; private set; } = 1;

    /// <summary>Bytes of one sample.</summary>
    public long SampleBytes => (long)Rows * Columns;

    /// <summary>Bytes of the header: the magic number and one 4-byte size per dimension.</summary>
    public int HeaderBytes => Content == IdxContent.Images ? 16 : 8;

    /// <summary>Bytes the header declares for the whole (decompressed) file; at most about 2^57, so no overflow.</summary>
    public long DeclaredBytes => HeaderBytes + Count * SampleBytes;

    /// <summary>"images" or "labels".</summary>
    public string Noun => Content == IdxContent.Images ? "images" : "labels";

    /// <summary>What the file is meant to be, for messages: "an IDX image file (…)".</summary>
    public static string Kind(IdxContent content) => content == IdxContent.Images
        ? "an IDX image file (uint8 images [N, rows, columns], magic number 0x00000803, gzip or plain)"
        : "an IDX label file (uint8 labels [N], magic number 0x00000801, gzip or plain)";

    /// <summary>Opens <paramref name="path"/> and checks its header; <paramref name="argument"/> names a null or empty path.</summary>
    public static IdxFile Open(string? path, IdxContent content, string argument)
    {
        string kind = Kind(content);
        InputFiles.RequireFile(path, argument, kind);
        var file = InputFiles.OpenRead(path!, kind);
        Stream? stream = null;
        try
        {
            long length = file.Length;
            int first = file.ReadByte(), second = file.ReadByte();
            file.Position = 0;
            bool compressed = first == 0x1F && second == 0x8B;
            stream = compressed ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
            var idx = new IdxFile(path!, content, stream, compressed);
            if (length == 0) throw idx.Problem($"is empty (0 bytes); {kind} starts with a {idx.HeaderBytes}-byte header");
            idx.ReadHeader();
            if (!compressed) idx.RequireLength(length);
            return idx;
        }
        catch (Exception e) when (InputFiles.IsFileSystemError(e))
        {
            stream?.Dispose();
            file.Dispose();
            throw InputFiles.Unreadable(path!, kind, e);
        }
        catch
        {
            stream?.Dispose();
            file.Dispose();
            throw;
        }
    }

    /// <summary>Fills <paramref name="buffer"/> with the next bytes; a file that ends first is truncated.</summary>
    public void ReadExactly(Span<byte> buffer)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = Read(buffer[read..]);
            if (n == 0) throw Truncated(_position);
            read += n;
        }
    }

    /// <summary>Skips <paramref name="bytes"/> bytes (decompressing through a small buffer, never allocating them).</summary>
    public void Skip(long bytes)
    {
        if (!Compressed)
        {
            long target = _position + bytes;
            if (target > DeclaredBytes) throw Truncated(DeclaredBytes);
            _stream.Position = target;
            _position = target;
            return;
        }
        Span<byte> buffer = stackalloc byte[8192];
        while (bytes > 0)
        {
            int n = Read(buffer[..(int)Math.Min(buffer.Length, bytes)]);
            if (n == 0) throw Truncated(_position);
            bytes -= n;
        }
    }

    /// <summary>
    /// Reads through the samples not read and checks the file ends where its header says: a gzip file is only known
    /// to be complete, and to hold nothing more, once it is decompressed to its end.
    /// </summary>
    public void RequireEnd()
    {
        if (!Compressed) return; // the length was checked when the file was opened
        Skip(DeclaredBytes - _position);
        Span<byte> one = stackalloc byte[1];
        if (Read(one) != 0)
            throw Problem($"holds more bytes than the {DeclaredBytes} its header declares ({Count} {Noun}{ShapeText()}, decompressed); it is not one IDX file, so replace it");
    }

    /// <summary>An exception whose subject is this file.</summary>
    public GanInputException Problem(string problem) => new(Path, problem);

    /// <summary>" of 28×28" for images, empty for labels.</summary>
    public string ShapeText() => Content == IdxContent.Images ? $" of {Rows}×{Columns}" : string.Empty;

    public void Dispose() => _stream.Dispose();

    private int Read(Span<byte> buffer)
    {
        try
        {
            int n = _stream.Read(buffer);
            _position += n;
            return n;
        }
        catch (InvalidDataException e)
        {
            throw new GanInputException(Path, $"starts like gzip but does not decompress ({InputFiles.FirstLine(e.Message)}); {Kind(Content)} must be a whole gzip stream or uncompressed", e);
        }
        catch (Exception e) when (InputFiles.IsFileSystemError(e))
        {
            throw InputFiles.Unreadable(Path, Kind(Content), e);
        }
    }

    private void ReadHeader()
    {
        // The magic number first: a file of another kind is named as such even when it is shorter than this header.
        Span<byte> header = stackalloc byte[HeaderBytes];
        ReadHeaderBytes(header[..4], 0);
        int magic = (int)BigEndian(header, 0);
        int expected = Content == IdxContent.Images ? ImageMagic : LabelMagic;
        if (magic != expected)
            throw Problem($"has magic number 0x{magic:X8} ({DescribeMagic(magic)}), expected 0x{expected:X8} (uint8 {Noun}{(Content == IdxContent.Images ? " [N, rows, columns]" : " [N]")})");
        ReadHeaderBytes(header[4..], 4);
        long count = BigEndian(header, 4);
        if (count > int.MaxValue)
            throw Problem($"declares {count} {Noun}; an IDX file may hold at most {InputLimits.Count(int.MaxValue)}");
        Count = (int)count;
        if (Content == IdxContent.Labels) return;
        long rows = BigEndian(header, 8), columns = BigEndian(header, 12);
        if (rows < 1 || columns < 1)
            throw Problem($"declares images of {rows}×{columns} pixels (rows×columns); both sizes must be at least 1");
        if (rows > InputLimits.MaxImagePixels / columns)
            throw Problem($"declares images of {rows}×{columns} pixels ({InputLimits.Count((double)rows * columns)}); an image may have at most {InputLimits.Count(InputLimits.MaxImagePixels)} pixels (64 megapixels)");
        Rows = (int)rows;
        Columns = (int)columns;
    }

    private void ReadHeaderBytes(Span<byte> part, int before)
    {
        int read = 0;
        while (read < part.Length)
        {
            int n = Read(part[read..]);
            if (n == 0)
                throw Problem($"is truncated: its {before + read} bytes{(Compressed ? " (decompressed)" : string.Empty)} do not hold the {HeaderBytes}-byte IDX header of {Kind(Content)}");
            read += n;
        }
    }

    private void RequireLength(long length)
    {
        if (length < DeclaredBytes) throw Truncated(length);
        if (length > DeclaredBytes)
            throw Problem($"has {length} bytes, {length - DeclaredBytes} more than the {DeclaredBytes} its header declares ({Count} {Noun}{ShapeText()}); it is not one IDX file, so replace it");
    }

    private GanInputException Truncated(long actual) =>
        Problem($"is truncated: its header declares {Count} {Noun}{ShapeText()}, which need {DeclaredBytes} bytes{(Compressed ? " decompressed" : string.Empty)}, but the file has {actual}; replace it with a complete copy");

    /// <summary>What a magic number that is not the expected one says: its type code and rank, or that it is no IDX header.</summary>
    private static string DescribeMagic(int magic)
    {
        if ((magic >>> 16) != 0) return "not an IDX header, which starts with two zero bytes";
        int type = (magic >> 8) & 0xFF, rank = magic & 0xFF;
        string? name = type switch
        {
            0x08 => "uint8",
            0x09 => "int8",
            0x0B => "int16",
            0x0C => "int32",
            0x0D => "float32",
            0x0E => "float64",
            _ => null,
        };
        return name is null ? $"unknown type code 0x{type:X2}" : $"{name} values in {rank} dimension{(rank == 1 ? string.Empty : "s")}";
    }

    /// <summary>An unsigned big-endian 32-bit number, as IDX stores sizes.</summary>
    private static long BigEndian(ReadOnlySpan<byte> bytes, int offset) =>
        ((long)bytes[offset] << 24) | ((long)bytes[offset + 1] << 16) | ((long)bytes[offset + 2] << 8) | bytes[offset + 3];
}
