using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace GanGen.Runtime.Checkpoints;

/// <summary>
/// Reads an archive's payload with every length checked against the bytes that remain before the end marker, so a
/// corrupt count or length is reported (naming the file) before anything is allocated for it.
/// </summary>
internal sealed class PayloadReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Stream _stream;
    private readonly long _end;
    private readonly byte[] _scratch = new byte[8];

    public PayloadReader(Stream stream, long end, string path)
    {
        _stream = stream;
        _end = end;
        Path = path;
    }

    /// <summary>The file, as errors name it.</summary>
    public string Path { get; }

    /// <summary>Bytes left before the end marker.</summary>
    public long Remaining => _end - _stream.Position;

    public int ReadInt32(string what)
    {
        Fill(_scratch.AsSpan(0, 4), what);
        return BinaryPrimitives.ReadInt32LittleEndian(_scratch);
    }

    public long ReadInt64(string what)
    {
        Fill(_scratch.AsSpan(0, 8), what);
        return BinaryPrimitives.ReadInt64LittleEndian(_scratch);
    }

    /// <summary>A count of entries that each take at least <paramref name="minimumEntryBytes"/>.</summary>
    public int ReadCount(string what, int minimumEntryBytes)
    {
        int count = ReadInt32(what);
        if (count < 0 || (long)count * minimumEntryBytes > Remaining)
            throw Corrupt($"it declares {count} {what}, but only {Remaining} bytes remain");
        return count;
    }

    /// <summary>A length-prefixed UTF-8 string.</summary>
    public string ReadString(string what)
    {
        long length = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 28) throw Corrupt($"the length of {what} is not a valid 7-bit encoded number");
            Fill(_scratch.AsSpan(0, 1), what);
            length |= (long)(_scratch[0] & 0x7F) << shift;
            if ((_scratch[0] & 0x80) == 0) break;
        }
        if (length > Remaining) throw Corrupt($"{what} declares {length} bytes, but only {Remaining} remain");
        var bytes = new byte[length];
        Fill(bytes, what);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt($"{what} is not valid UTF-8");
        }
    }

    /// <summary>Reads exactly <paramref name="target"/>.Length bytes, all of which must lie before the end marker.</summary>
    public void Fill(Span<byte> target, string what)
    {
        if (target.Length > Remaining) throw Corrupt($"{what} runs past the end of the payload");
        _stream.ReadExactly(target);
    }

    public InvalidDataException Corrupt(string problem) => new($"'{Path}' is corrupt: {problem}.");
}
