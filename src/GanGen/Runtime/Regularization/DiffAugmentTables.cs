using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// What <see cref="DiffAugment"/> needs for one batch shape, dtype and device: the shape arrays the ops take, and index
/// tables in which a drawn integer selects a whole row — the source column or row of every output pixel for each
/// shift, the cutout's rows and columns for each position — so a step gathers instead of recomputing them.
/// </summary>
internal sealed class DiffAugmentTables : IDisposable
{
    private static readonly Scalar Half = 0.5, Two = 2.0;
    private static readonly long[] ChannelDimension = { 1 }, ImageDimensions = { 1, 2, 3 };

    private readonly long _n, _c, _h, _w, _sh, _sw;
    private readonly DeviceType _deviceType;
    private readonly int _deviceIndex;
    private readonly ScalarType _dtype;
    private readonly Device _device;
    private readonly long[] _colourDraw, _pairDraw, _perSample, _padding, _columnIndex, _rowIndex, _bandRows, _bandColumns;
    private readonly Tensor _shiftCounts, _shiftLimits, _cutCounts, _cutLimits;
    private readonly Tensor _sourceColumns, _sourceRows, _cutRows, _cutColumns;

    public DiffAugmentTables(DiffAugment augment, Tensor samples)
    {
        long[] shape = samples.shape;
        (_n, _c, _h, _w) = (shape[0], shape[1], shape[2], shape[3]);
        (_deviceType, _deviceIndex, _dtype, _device) = (samples.device_type, samples.device_index, samples.dtype, samples.device);
        (_sh, _sw) = (augment.ShiftOf(_h), augment.ShiftOf(_w));
        long ch = augment.CutOf(_h), cw = augment.CutOf(_w);

        _colourDraw = new[] { _c > 1 ? 3L : 2L, _n };
        _pairDraw = new[] { 2L, _n };
        _perSample = new[] { _n, 1L, 1L, 1L };
        _padding = new[] { _sw, _sw, _sh, _sh };
        _columnIndex = new[] { _n, 1L, 1L, _w };
        _rowIndex = new[] { _n, 1L, _h, 1L };
        _bandRows = new[] { _n, 1L, _h, 1L };
        _bandColumns = new[] { _n, 1L, 1L, _w };

        (_shiftCounts, _shiftLimits) = Counts(2 * _sh + 1, 2 * _sw + 1);
        (_cutCounts, _cutLimits) = Counts(_h + 1 - ch % 2, _w + 1 - cw % 2);
        // Drawn d ∈ [0, 2s] shifts by d − s: output column j reads padded column j − (d − s) + s.
        _sourceColumns = Table(2 * _sw + 1, _w, (d, j) => j - d + 2 * _sw, ScalarType.Int64);
        _sourceRows = Table(2 * _sh + 1, _h, (d, i) => i - d + 2 * _sh, ScalarType.Int64);
        // Drawn d places the square's first row at d − ⌊side/2⌋ (clipped at the borders).
        _cutRows = Table(_h + 1 - ch % 2, _h, (d, i) => i >= d - ch / 2 && i < d - ch / 2 + ch ? 1 : 0, _dtype);
        _cutColumns = Table(_w + 1 - cw % 2, _w, (d, j) => j >= d - cw / 2 && j < d - cw / 2 + cw ? 1 : 0, _dtype);
    }

    public bool Fits(Tensor samples) =>
        samples.dtype == _dtype && samples.device_type == _deviceType && samples.device_index == _deviceIndex
        && samples.size(0) == _n && samples.size(1) == _c && samples.size(2) == _h && samples.size(3) == _w;

    /// <summary>Brightness + (u − ½), saturation × 2u around the channel mean (C &gt; 1), contrast × (u + ½) around the image mean.</summary>
    public Tensor Colour(Tensor x)
    {
        using var u = rand(_colourDraw, dtype: _dtype, device: _device);
        using var brightnessDraw = u[0];
        using var brightnessShift = brightnessDraw.view(_perSample);
        using var brightness = brightnessShift.sub(Half);
        using var bright = x.add(brightness);
        using var saturated = _c > 1 ? Saturate(bright, u) : null;
        var coloured = saturated ?? bright;
        using var imageMean = coloured.mean(ImageDimensions, keepdim: true);
        using var centred = coloured.sub(imageMean);
        using var contrastDraw = u[_c > 1 ? 2 : 1];
        using var contrastView = contrastDraw.view(_perSample);
        using var contrast = contrastView.add(Half);
        using var scaled = centred.mul(contrast);
        return scaled.add(imageMean);
    }

    private Tensor Saturate(Tensor x, Tensor u)
    {
        using var channelMean = x.mean(ChannelDimension, keepdim: true);
        using var centred = x.sub(channelMean);
        using var draw = u[1];
        using var view = draw.view(_perSample);
        using var saturation = view.mul(Two);
        using var scaled = centred.mul(saturation);
        return scaled.add(channelMean);
    }

    /// <summary>out[n, c, i, j] = x[n, c, i − Δi, j − Δj], zero where that lies outside: gathers from the zero-padded batch.</summary>
    public Tensor Translate(Tensor x)
    {
        using var shifts = Whole(_shiftCounts, _shiftLimits);
        using var down = shifts[0];
        using var right = shifts[1];
        using var columnView = Rows(_sourceColumns, right, _columnIndex);
        using var columns = columnView.expand(_n, _c, _h + 2 * _sh, _w);
        using var rowView = Rows(_sourceRows, down, _rowIndex);
        using var rows = rowView.expand(_n, _c, _h, _w);
        using var padded = nn.functional.pad(x, _padding);
        using var shifted = padded.gather(3, columns);
        return shifted.gather(2, rows);
    }

    /// <summary>x − x·(rows ⊗ columns): the square zeroed, the rest unchanged.</summary>
    public Tensor CutOut(Tensor x)
    {
        using var places = Whole(_cutCounts, _cutLimits);
        using var row = places[0];
        using var column = places[1];
        using var rowView = Rows(_cutRows, row, _bandRows);
        using var columnView = Rows(_cutColumns, column, _bandColumns);
        using var inside = rowView.mul(columnView);
        using var hidden = x.mul(inside);
        return x.sub(hidden);
    }

    public void Dispose()
    {
        foreach (var tensor in new[] { _shiftCounts, _shiftLimits, _cutCounts, _cutLimits, _sourceColumns, _sourceRows, _cutRows, _cutColumns })
            tensor.Dispose();
    }

    /// <summary>The rows of <paramref name="table"/> that <paramref name="indices"/> name, viewed as <paramref name="shape"/>.</summary>
    private static Tensor Rows(Tensor table, Tensor indices, long[] shape)
    {
        using var rows = table.index_select(0, indices);
        return rows.view(shape);
    }

    // One uniform draw [2, N] made ⌊u·m⌋ per row (m of the row), clamped at m − 1: in float32, u·m can round up to m.
    private Tensor Whole(Tensor counts, Tensor limits)
    {
        using var uniforms = rand(_pairDraw, dtype: _dtype, device: _device);
        using var scaled = uniforms.mul(counts);
        using var whole = scaled.to(ScalarType.Int64);
        return whole.minimum(limits);
    }

    private (Tensor Counts, Tensor Limits) Counts(long first, long second)
    {
        var counts = tensor(new float[] { first, second }, new long[] { 2, 1 }, dtype: _dtype, device: _device);
        var limits = tensor(new long[] { first - 1, second - 1 }, new long[] { 2, 1 }, dtype: ScalarType.Int64, device: _device);
        return (counts, limits);
    }

    private Tensor Table(long rows, long columns, Func<long, long, long> value, ScalarType dtype)
    {
        var values = new long[rows * columns];
        for (long r = 0; r < rows; r++)
            for (long c = 0; c < columns; c++) values[r * columns + c] = value(r, c);
        using var table = tensor(values, new[] { rows, columns });
        return table.to(dtype, _device);
    }
}
