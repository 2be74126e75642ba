using System;
using System.Linq;
using GanGen.Runtime;
using GanGen.Runtime.Regularization;
using GanGen.Tests.Interop.Twin;
using GanGen.Tests.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Stabilizers;

/// <summary>
/// DiffAugment against references written out pixel by pixel from the same uniform draws (re-seeding the global
/// generator replays them), its gradients, its per-sample parameters, and its cost inside a training step.
/// </summary>
public sealed class DiffAugmentTests
{
    private const long N = 16, C = 3, H = 8, W = 8;

    /// <summary>The allowance for one augmented discriminator input (all three augmentations).</summary>
    private const long AugmentedInput = 2688;
    private readonly ITestOutputHelper _output;

    public DiffAugmentTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Translation_shifts_each_image_by_whole_pixels_and_fills_zeros()
    {
        var augment = new DiffAugment(Augmentations.Translation);
        var (x, y) = Augmented(augment, seed: 5);
        var u = Uniforms(5, 2);
        float[] down = Whole(u[0], 2 * augment.ShiftOf(H) + 1), right = Whole(u[1], 2 * augment.ShiftOf(W) + 1);
        var pixels = x.data<float>().ToArray();
        var expected = new float[pixels.Length];
        long distinct = 0;
        for (long n = 0; n < N; n++)
        {
            long di = (long)down[n] - augment.ShiftOf(H), dj = (long)right[n] - augment.ShiftOf(W);
            if (di != 0 || dj != 0) distinct++;
            for (long c = 0; c < C; c++)
                for (long i = 0; i < H; i++)
                    for (long j = 0; j < W; j++)
                    {
                        long si = i - di, sj = j - dj;
                        expected[Index(n, c, i, j)] = si >= 0 && si < H && sj >= 0 && sj < W ? pixels[Index(n, c, si, sj)] : 0f;
                    }
        }
        Assert.Equal(expected, y.data<float>().ToArray());
        Assert.True(distinct > N / 2, $"only {distinct} of {N} images moved: each image should draw its own shift");
    }

    [Fact]
    public void Cutout_zeroes_one_square_per_image_clipped_at_the_borders()
    {
        var augment = new DiffAugment(Augmentations.Cutout);
        var (x, y) = Augmented(augment, seed: 6);
        var u = Uniforms(6, 2);
        long ch = augment.CutOf(H), cw = augment.CutOf(W);
        float[] top = Whole(u[0], H + 1 - ch % 2), left = Whole(u[1], W + 1 - cw % 2);
        var pixels = x.data<float>().ToArray();
        var expected = new float[pixels.Length];
        for (long n = 0; n < N; n++)
        {
            long t = (long)top[n] - ch / 2, l = (long)left[n] - cw / 2;
            for (long c = 0; c < C; c++)
                for (long i = 0; i < H; i++)
                    for (long j = 0; j < W; j++)
                        expected[Index(n, c, i, j)] = i >= t && i < t + ch && j >= l && j < l + cw ? 0f : pixels[Index(n, c, i, j)];
        }
        Assert.Equal(expected, y.data<float>().ToArray());
        Assert.Equal(4, ch);
    }

    [Fact]
    public void Colour_shifts_brightness_scales_saturation_and_contrast_per_image()
    {
        var augment = new DiffAugment(Augmentations.Color);
        var (x, y) = Augmented(augment, seed: 7);
        var u = Uniforms(7, 3);
        var pixels = x.data<float>().ToArray();
        var actual = y.data<float>().ToArray();
        double worst = 0;
        for (long n = 0; n < N; n++)
        {
            var image = new double[C * H * W];
            for (long k = 0; k < image.Length; k++) image[k] = pixels[n * image.Length + k] + (u[0][n] - 0.5);
            for (long p = 0; p < H * W; p++)
            {
                double mean = 0;
                for (long c = 0; c < C; c++) mean += image[c * H * W + p] / C;
                for (long c = 0; c < C; c++) image[c * H * W + p] = (image[c * H * W + p] - mean) * (u[1][n] * 2) + mean;
            }
            double imageMean = image.Average();
            for (long k = 0; k < image.Length; k++)
                worst = Math.Max(worst, Math.Abs((image[k] - imageMean) * (u[2][n] + 0.5) + imageMean - actual[n * image.Length + k]));
        }
        Assert.True(worst < 1e-5, $"colour differs from its reference by {worst}");
    }

    [Fact]
    public void Gradients_pass_through_every_augmentation_to_the_input()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var x = randn(N, C, H, W).requires_grad_(true);
        var augment = new DiffAugment(Augmentations.Color | Augmentations.Translation | Augmentations.Cutout);
        var y = augment.Apply(x);
        (y * y).sum().backward();
        var gradient = x.grad!;
        Assert.True(gradient.isfinite().all().item<bool>());
        // Colour's means couple every pixel of an image, so every input pixel gets a gradient, even under the cutout.
        Assert.Equal(1.0, gradient.ne(0).to(ScalarType.Float64).mean().item<double>());

        // Without colour, each output pixel reads one input pixel or none: ∂Σy/∂x is 1 where read, 0 where cut or shifted out.
        foreach (var policy in new[] { Augmentations.Cutout, Augmentations.Translation })
        {
            x.grad!.zero_();
            manual_seed(11);
            var moved = new DiffAugment(policy).Apply(x);
            moved.sum().backward();
            manual_seed(11);
            using var ones = ones_like(x);
            using var read = new DiffAugment(policy).Apply(ones);
            Assert.Equal(read.sum().item<float>(), x.grad!.sum().item<float>());
            Assert.True(x.grad!.eq(0).logical_or(x.grad!.eq(1)).all().item<bool>(), $"{policy}: gradients other than 0 and 1");
            Assert.True(x.grad!.eq(0).any().item<bool>(), $"{policy}: no pixel lost its gradient");
        }
    }

    [Fact]
    public void Input_is_unchanged_and_a_bad_argument_is_one_named_error()
    {
        var (x, y) = Augmented(new DiffAugment(Augmentations.Color | Augmentations.Cutout), seed: 9);
        manual_seed(9);
        using var again = randn(N, C, H, W);
        Assert.True(x.eq(again).all().item<bool>());
        Assert.False(y.eq(x).all().item<bool>());
        var e = Assert.Throws<GanInputException>(() => new DiffAugment(Augmentations.None));
        Assert.Equal("policy: is 0; use Color, Translation and Cutout, combined with |", e.Message);
        Assert.Contains("translation: is 0.9", Assert.Throws<GanInputException>(() => new DiffAugment(Augmentations.Translation, translation: 0.9)).Message);
        using var flat = randn(4, 2);
        Assert.Contains("[4, 2]", Assert.Throws<GanInputException>(() => new DiffAugment(Augmentations.Cutout).Apply(flat)).Message);
    }

    [Fact]
    public void A_small_data_step_stays_in_budget_and_leaks_nothing()
    {
        manual_seed(10);
        using var images = rand(8, 3, 8, 8) * 2 - 1;
        var (bytes, leaked) = StepAllocation.Measure(new AugmentedOracleGan(seed: 1), new GanGen.Runtime.Training.GanBatch(images));
        _output.WriteLine($"DiffAugment + instance noise + R1 + LeCam step: {bytes} B per step, {leaked} tensors leaked");
        Assert.Equal(0, leaked);
        // The plain step's 2,048 B, R1's 1,024 B, LeCam's term (about 15 operations) 1,024 B, and per discriminator input
        // (four a step) one Apply: about 40 operations, measured at 2,608 B on [8, 3, 8, 8] (colour 1,152, translation
        // 976, cutout 768; AMD EPYC Zen 5).
        Assert.True(bytes <= 2048 + 1024 + 1024 + 4 * AugmentedInput, $"{bytes} B per step");
    }

    private static (Tensor X, Tensor Y) Augmented(DiffAugment augment, int seed)
    {
        manual_seed(seed);
        var x = randn(N, C, H, W);
        manual_seed(seed);
        return (x, augment.Apply(x));
    }

    /// <summary>The rows of the first uniform draw [<paramref name="rows"/>, N] after seeding as <see cref="Augmented"/> did.</summary>
    private static float[][] Uniforms(int seed, int rows)
    {
        manual_seed(seed);
        using var u = rand(rows, N);
        float[] values = u.data<float>().ToArray();
        return Enumerable.Range(0, rows).Select(r => values[(r * (int)N)..((r + 1) * (int)N)]).ToArray();
    }

    private static float[] Whole(float[] uniforms, long count) => uniforms.Select(u => Math.Min(MathF.Floor(u * count), count - 1)).ToArray();

    private static long Index(long n, long c, long i, long j) => ((n * C + c) * H + i) * W + j;
}
