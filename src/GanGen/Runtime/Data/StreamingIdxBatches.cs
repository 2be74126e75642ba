using System;
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
    private readonly string _path;
    private readonly int _batchSize;
    private readonly long _seed;
    private readonly DataRange _range;
    private readonly int _windowBatches;
    private readonly int _rows;
    private readonly int _columns;
    private IdxFile? _file;
    private long _nextStep = -1;
    private Tensor? _window;
    private Tensor? _order;

    /// <summary>
    /// Opens <paramref name="path"/> (gzip or plain) and checks its header (<see cref="IdxFile"/>): positive image
    /// sizes that match <paramref name="expectedShape"/> (a model's [1, H, W] sample shape) when one is given, at
    /// least one batch of images, a plain file's exact length, and a window within <see cref="InputLimits.MaxTensorBytes"/>.
    /// </summary>
    public StreamingIdxBatches(string path, int batchSize, long seed, DataRange range = DataRange.MinusOneToOne, int windowSamples = 4096, long[]? expectedShape = null)
    {
        if (batchSize < 1) throw new GanInputException(nameof(batchSize), $"is {batchSize}; a batch holds at least 1 image");
        if (windowSamples < 1)
            throw new GanInputException(nameof(windowSamples), $"is {windowSamples}; a window holds at least 1 image (it is rounded down to whole batches, at least one)");
        using (var file = IdxFile.Open(path, IdxContent.Images, nameof(path)))
        {
            Count = file.Count;
            _rows = file.Rows;
            _columns = file.Columns;
        }
        _path = path;
        IdxReader.CheckImageSize(path, _rows, _columns, expectedShape);
        if (Count < batchSize)
            throw new GanInputException(path, $"holds {Count} images, fewer than one batch of {batchSize}; use a batch size of 1 to {Math.Max(1, Count)}");
        _batchSize = batchSize;
        _seed = seed;
        _range = range;
        BatchesPerEpoch = Count / batchSize;
        _windowBatches = (int)Math.Min(Math.Max(1, windowSamples / batchSize), BatchesPerEpoch);
        InputLimits.RequireTensorBytes(nameof(windowSamples), (double)_windowBatches * batchSize * _rows * _columns,
            $"a window of {_windowBatches * (long)batchSize} images of {_rows}×{_columns} from '{path}'", "lower windowSamples or batchSize");
    }

    /// <summary>Images in the file.</summary>
    public long Count { get; }

    /// <summary>Full batches per epoch (the remainder is dropped).</summary>
    public long BatchesPerEpoch { get; }

    /// <summary>The batch [B, 1, rows, cols] for <paramref name="step"/>; the caller disposes it.</summary>
    public Tensor ForStep(long step)
    {
        if (step < 0) throw new GanInputException(nameof(step), $"is {step}; steps start at 0");
        long epoch = step / BatchesPerEpoch, inEpoch = step % BatchesPerEpoch;
        long window = inEpoch / _windowBatches;
        if (step != _nextStep || _window is null || inEpoch % _windowBatches == 0)
        {
            if (step != _nextStep || inEpoch == 0) Rewind();
            if (step != _nextStep) _file!.Skip(window * _windowBatches * (long)_batchSize * _rows * _columns);
            LoadWindow(epoch, window, Math.Min(_windowBatches, BatchesPerEpoch - window * _windowBatches));
        }
        _nextStep = step + 1;
        long start = (inEpoch % _windowBatches) * _batchSize;
        using var indices = _order!.narrow(0, start, _batchSize);
        return _window!.index_select(0, indices);
    }

    private void LoadWindow(long epoch, long window, long batches)
    {
        int samples = checked((int)(batches * _batchSize)); // at most windowSamples or one batch, both ints
        var bytes = new byte[(long)samples * _rows * _columns];
        _file!.ReadExactly(bytes);
        _window?.Dispose();
        _order?.Dispose();
        _window = null;
        using var raw = tensor(bytes, new long[] { samples, 1, _rows, _columns });
        using var values = raw.to(float32);
        _window = _range == DataRange.MinusOneToOne ? values.div(127.5).sub_(1.0) : values.div(255.0);
        using var generator = new Generator(unchecked((ulong)((_seed * 1_000_003 + epoch) * 7_919 + window)));
        _order = randperm(samples, generator: generator);
    }

    /// <summary>Re-opens the file at its first image; a file changed since it was opened is refused, not misread.</summary>
    private void Rewind()
    {
        _file?.Dispose();
        _file = null;
        var file = IdxFile.Open(_path, IdxContent.Images, "path");
        if (file.Count != Count || file.Rows != _rows || file.Columns != _columns)
        {
            file.Dispose();
            throw new GanInputException(_path,
                $"changed while batches were read from it: it now declares {file.Count} images of {file.Rows}×{file.Columns}, not {Count} of {_rows}×{_columns}; keep the file unchanged during training");
        }
        _file = file;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Dispose();
        _window?.Dispose();
        _order?.Dispose();
    }
}
