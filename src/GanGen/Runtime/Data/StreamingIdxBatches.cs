using System;
using System.IO;
using System.IO.Compression;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// Batches from an IDX image file that is larger than memory: the file is read sequentially, a window of samples at
/// a time (a multiple of the batch size), and each window is shuffled with a generator seeded by (seed, epoch,
/// window). Trade-off against <see cref="ShuffledBatches"/>: samples only mix within a window and windows come in
/// file order, so keep the window large when the file is sorted (by class, say); memory is one window.
/// The batch for a step is still a pure function of the step: sequential steps stream, other steps re-read.
/// </summary>
public sealed class StreamingIdxBatches : IDisposable
{
    private const int ImageMagic = 0x00000803;
    private readonly string _path;
    private readonly int _batchSize;
    private readonly long _seed;
    private readonly DataRange _range;
    private readonly int _windowBatches;
    private readonly int _rows;
    private readonly int _columns;
    private Stream? _stream;
    private long _nextStep = -1;
    private Tensor? _window;
    private Tensor? _order;

    /// <summary>
    /// Opens <paramref name="path"/> (gzip or plain) and checks its header: positive image sizes that match
    /// <paramref name="expectedShape"/> (a model's [1, H, W] sample shape) when one is given.
    /// </summary>
    public StreamingIdxBatches(string path, int batchSize, long seed, DataRange range = DataRange.MinusOneToOne, int windowSamples = 4096, long[]? expectedShape = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        _path = path;
        _batchSize = batchSize;
        _seed = seed;
        _range = range;
        _windowBatches = Math.Max(1, windowSamples / batchSize);
        using (var stream = Open(out int count, out _rows, out _columns)) Count = count;
        IdxReader.CheckImageSize(path, _rows, _columns, expectedShape);
        if (Count < batchSize) throw new InvalidDataException($"'{path}' holds {Count} images, fewer than one batch of {batchSize}.");
        BatchesPerEpoch = Count / batchSize;
    }

    /// <summary>Images in the file.</summary>
    public long Count { get; }

    /// <summary>Full batches per epoch (the remainder is dropped).</summary>
    public long BatchesPerEpoch { get; }

    /// <summary>The batch [B, 1, rows, cols] for <paramref name="step"/>; the caller disposes it.</summary>
    public Tensor ForStep(long step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "Steps start at 0.");
        long epoch = step / BatchesPerEpoch, inEpoch = step % BatchesPerEpoch;
        long window = inEpoch / _windowBatches;
        if (step != _nextStep || _window is null || inEpoch % _windowBatches == 0)
        {
            if (step != _nextStep || inEpoch == 0) Rewind();
            if (step != _nextStep) Skip(window * _windowBatches * (long)_batchSize);
            LoadWindow(epoch, window, Math.Min(_windowBatches, BatchesPerEpoch - window * _windowBatches));
        }
        _nextStep = step + 1;
        long start = (inEpoch % _windowBatches) * _batchSize;
        using var indices = _order!.narrow(0, start, _batchSize);
        return _window!.index_select(0, indices);
    }

    private void LoadWindow(long epoch, long window, long batches)
    {
        int samples = checked((int)(batches * _batchSize));
        int size = _rows * _columns;
        var bytes = new byte[samples * size];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = _stream!.Read(bytes, read, bytes.Length - read);
            if (n == 0) throw new InvalidDataException($"'{_path}' is truncated: it ends before the {Count} images its header declares.");
            read += n;
        }
        _window?.Dispose();
        _order?.Dispose();
        using var raw = tensor(bytes, new long[] { samples, 1, _rows, _columns });
        using var values = raw.to(float32);
        _window = _range == DataRange.MinusOneToOne ? values.div(127.5).sub_(1.0) : values.div(255.0);
        using var generator = new Generator(unchecked((ulong)((_seed * 1_000_003 + epoch) * 7_919 + window)));
        _order = randperm(samples, generator: generator);
    }

    private void Rewind()
    {
        _stream?.Dispose();
        _stream = Open(out _, out _, out _);
    }

    private void Skip(long samples)
    {
        long bytes = samples * _rows * _columns;
        var buffer = new byte[Math.Min(bytes, 1 << 20)];
        while (bytes > 0)
        {
            int n = _stream!.Read(buffer, 0, (int)Math.Min(buffer.Length, bytes));
            if (n == 0) throw new InvalidDataException($"'{_path}' is truncated: it ends before the {Count} images its header declares.");
            bytes -= n;
        }
    }

    private Stream Open(out int count, out int rows, out int columns)
    {
        var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        int first = file.ReadByte(), second = file.ReadByte();
        file.Position = 0;
        Stream stream = first == 0x1F && second == 0x8B ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
        var header = new byte[16];
        int read = 0;
        while (read < header.Length)
        {
            int n = stream.Read(header, read, header.Length - read);
            if (n == 0)
            {
                stream.Dispose();
                throw new InvalidDataException($"'{_path}' is truncated: it does not hold the 16-byte IDX image header.");
            }
            read += n;
        }
        int magic = IdxReader.BigEndian(header, 0);
        if (magic != ImageMagic)
        {
            stream.Dispose();
            throw new InvalidDataException($"'{_path}' has magic number 0x{magic:X8}, expected 0x{ImageMagic:X8} (uint8 images).");
        }
        count = IdxReader.BigEndian(header, 4);
        rows = IdxReader.BigEndian(header, 8);
        columns = IdxReader.BigEndian(header, 12);
        return stream;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream?.Dispose();
        _window?.Dispose();
        _order?.Dispose();
    }
}
