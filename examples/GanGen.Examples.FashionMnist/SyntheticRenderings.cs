using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// "Synthetic renderings" of Fashion-MNIST images for the refiner: what a cheap renderer might draw of them — blurred
/// (a 3×3 box filter), flattened to four grey levels and overlaid with faint noise. The content (shape, pose, class)
/// stays; the texture and tones a real photograph has are gone, which is what a refiner should put back.
/// </summary>
internal static class SyntheticRenderings
{
    private const double Levels = 4, NoiseLevel = 0.05;

    /// <summary>Renders <paramref name="images"/> ([N, 1, H, W] in [−1, 1]); deterministic for a <paramref name="seed"/>.</summary>
    public static Tensor Render(Tensor images, long seed)
    {
        using var blurred = nn.functional.avg_pool2d(images, new long[] { 3, 3 }, new long[] { 1, 1 }, new long[] { 1, 1 }, count_include_pad: false);
        // [−1, 1] → [0, 1] → four levels → back to [−1, 1].
        using var levels = blurred.add(1).mul_(0.5 * (Levels - 1)).round_().div_(Levels - 1).mul_(2).sub_(1);
        using var generator = new Generator((ulong)seed);
        using var noise = randn(images.shape, generator: generator).mul_(NoiseLevel);
        return levels.add(noise).clamp_(-1, 1);
    }
}
