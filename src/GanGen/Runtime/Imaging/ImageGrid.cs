using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Imaging;

/// <summary>
/// Tiles a batch of images [N, C, H, W] into one [3, rows·(H+pad)+pad, cols·(W+pad)+pad] image in [0, 1]
/// (the layout torchvision's make_grid popularised; TorchSharp has no torchvision).
/// </summary>
public static class ImageGrid
{
    /// <summary>
    /// Builds the grid. <paramref name="low"/> and <paramref name="high"/> give the value range of the samples
    /// (−1 and 1 for a Tanh generator); grayscale is repeated to RGB so viewers and TensorBoard accept it.
    /// </summary>
    public static Tensor Make(Tensor images, int columns = 8, int padding = 2, double low = -1.0, double high = 1.0)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || (images.size(1) != 1 && images.size(1) != 3))
            throw new ArgumentException($"An image grid needs [N, 1 or 3, H, W] images; got [{string.Join(", ", images.shape)}].", nameof(images));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "At least one column is needed.");
        if (!(high > low)) throw new ArgumentException($"The value range [{low}, {high}] is empty.");
        long count = images.size(0), height = images.size(2), width = images.size(3);
        long rows = (count + columns - 1) / columns;
        var grid = ones(3, rows * (height + padding) + padding, columns * (width + padding) + padding);
        using var _ = no_grad();
        using var host = images.detach().to(float32).cpu();
        using var scaled = host.sub(low).div_(high - low).clamp_(0.0, 1.0);
        using var rgb = scaled.size(1) == 1 ? scaled.expand(count, 3, height, width) : scaled.alias();
        for (long i = 0; i < count; i++)
        {
            long top = (i / columns) * (height + padding) + padding;
            long left = (i % columns) * (width + padding) + padding;
            using var cell = grid.narrow(1, top, height).narrow(2, left, width);
            using var image = rgb[i];
            cell.copy_(image);
        }
        return grid;
    }
}
