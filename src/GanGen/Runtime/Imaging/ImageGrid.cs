using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Imaging;

/// <summary>
/// Tiles a batch of images [N, C, H, W] into one [3, rows·(H+pad)+pad, cols·(W+pad)+pad] image in [0, 1]
/// (the layout torchvision's make_grid popularised; TorchSharp has no torchvision).
/// </summary>
public static class ImageGrid
{
    /// <summary>Padding between cells, in pixels, that <see cref="Make"/> accepts (0 to this).</summary>
    public const int MaxPadding = 1024;

    /// <summary>
    /// Builds the grid. <paramref name="low"/> and <paramref name="high"/> give the value range of the samples
    /// (−1 and 1 for a Tanh generator); grayscale is repeated to RGB so viewers and TensorBoard accept it.
    /// Arguments are checked before anything is allocated: at least one image, 1 or more columns, padding 0 to
    /// <see cref="MaxPadding"/>, a finite non-empty range, and a grid of at most <see cref="InputLimits.MaxImagePixels"/>.
    /// </summary>
    public static Tensor Make(Tensor images, int columns = 8, int padding = 2, double low = -1.0, double high = 1.0)
    {
        if (images is null) throw new GanInputException(nameof(images), "is null; give the images as [N, 1 or 3, H, W]");
        if (images.dim() != 4 || (images.size(1) != 1 && images.size(1) != 3) || images.size(0) < 1 || images.size(2) < 1 || images.size(3) < 1)
            throw new GanInputException(nameof(images), $"has shape [{string.Join(", ", images.shape)}]; an image grid needs [N ≥ 1, 1 or 3, H ≥ 1, W ≥ 1] images");
        if (columns < 1) throw new GanInputException(nameof(columns), $"is {columns}; a grid has at least 1 column");
        if (padding is < 0 or > MaxPadding) throw new GanInputException(nameof(padding), $"is {padding}; the padding is 0 to {MaxPadding} pixels");
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high > low))
            throw new GanInputException(nameof(high), FormattableString.Invariant($"the value range [{low}, {high}] is not a finite range with low < high (e.g. −1 and 1 for a Tanh generator)"));
        long count = images.size(0), height = images.size(2), width = images.size(3);
        long rows = (count + columns - 1) / columns;
        long gridHeight = rows * (height + padding) + padding, gridWidth = (long)columns * (width + padding) + padding;
        InputLimits.RequireImagePixels(nameof(columns), gridWidth, gridHeight, $"{count} images of {height}×{width} in {columns} columns make a grid of");
        var grid = ones(3, gridHeight, gridWidth);
        using var _ = no_grad();
        using var detached = images.detach();
        using var asFloat = detached.to(float32);
        using var host = asFloat.cpu();
        using var scaled = host.sub(low).div_(high - low).clamp_(0.0, 1.0);
        using var rgb = scaled.size(1) == 1 ? scaled.expand(count, 3, height, width) : scaled.alias();
        for (long i = 0; i < count; i++)
        {
            long top = (i / columns) * (height + padding) + padding;
            long left = (i % columns) * (width + padding) + padding;
            using var band = grid.narrow(1, top, height);
            using var cell = band.narrow(2, left, width);
            using var image = rgb[i];
            cell.copy_(image);
        }
        return grid;
    }
}
