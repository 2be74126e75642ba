using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// Differentiable augmentation (Zhao et al. 2020) of a batch of images [N, C, H, W]: colour, whole-pixel translation
/// and cutout, each sample with parameters of its own, built from ops autograd differentiates (additions, products,
/// gathers), so the generator's gradient passes through. Each augmentation draws one uniform tensor [k, N] from the
/// global generator — colour k = 3 (brightness, saturation, contrast; k = 2 without saturation for one channel),
/// translation k = 2 (down, right), cutout k = 2 (row, column) — and integers are ⌊u·m⌋, so another framework fed
/// those uniforms (the PyTorch twin's DiffAugment) computes the very same images.
/// </summary>
public sealed class DiffAugment : IDisposable
{
    private DiffAugmentTables? _tables;

    /// <summary>Creates the augmentation.</summary>
    /// <param name="policy">Which augmentations, applied in the order colour, translation, cutout.</param>
    /// <param name="translation">The largest shift as a share of the height and width, in (0, 0.5].</param>
    /// <param name="cutout">The cutout square's side as a share of the height and width, in (0, 1].</param>
    public DiffAugment(Augmentations policy, double translation = 0.125, double cutout = 0.5)
    {
        if (policy == Augmentations.None || (policy & ~(Augmentations.Color | Augmentations.Translation | Augmentations.Cutout)) != 0)
            throw new GanInputException(nameof(policy), $"is {(int)policy}; use Color, Translation and Cutout, combined with |");
        if (!(translation > 0 && translation <= 0.5)) throw new GanInputException(nameof(translation), $"is {translation}; the largest shift is a share of the image's size in (0, 0.5]");
        if (!(cutout > 0 && cutout <= 1)) throw new GanInputException(nameof(cutout), $"is {cutout}; the cutout's side is a share of the image's size in (0, 1]");
        Policy = policy;
        Translation = translation;
        Cutout = cutout;
    }

    /// <summary>Which augmentations are applied.</summary>
    public Augmentations Policy { get; }

    /// <summary>The largest shift as a share of the height and width.</summary>
    public double Translation { get; }

    /// <summary>The cutout square's side as a share of the height and width.</summary>
    public double Cutout { get; }

    /// <summary>The largest shift in pixels along a side of <paramref name="size"/> pixels (rounded as the paper does).</summary>
    public long ShiftOf(long size) => (long)(size * Translation + 0.5);

    /// <summary>The cutout's side in pixels along a side of <paramref name="size"/> pixels.</summary>
    public long CutOf(long size) => (long)(size * Cutout + 0.5);

    /// <summary>The augmented images as a new tensor (the caller owns it); <paramref name="samples"/> is not changed.</summary>
    public Tensor Apply(Tensor samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.dim() != 4)
            throw new GanInputException(nameof(samples), $"has shape [{string.Join(", ", samples.shape)}]; DiffAugment augments a batch of images [N, C, H, W]");
        var tables = Tables(samples);
        // Each stage disposes what it made and keeps its result, so no dispose scope is needed (one costs ~1 KB a call).
        Tensor x = samples;
        if (Policy.HasFlag(Augmentations.Color)) x = Then(samples, x, tables.Colour(x));
        if (Policy.HasFlag(Augmentations.Translation)) x = Then(samples, x, tables.Translate(x));
        if (Policy.HasFlag(Augmentations.Cutout)) x = Then(samples, x, tables.CutOut(x));
        return x;
    }

    private static Tensor Then(Tensor samples, Tensor previous, Tensor next)
    {
        if (!ReferenceEquals(previous, samples)) previous.Dispose();
        return next;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tables?.Dispose();
        _tables = null;
    }

    // Shapes, index tables and constants depend only on the batch's shape, dtype and device: made once, reused each step.
    private DiffAugmentTables Tables(Tensor samples)
    {
        if (_tables is { } cached && cached.Fits(samples)) return cached;
        _tables?.Dispose();
        return _tables = new DiffAugmentTables(this, samples);
    }
}
