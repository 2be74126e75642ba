using System.Collections.Generic;
using System.Globalization;

namespace GanGen.Generators.Validation;

/// <summary>
/// Shape rules of the spatial layers, with the arithmetic spelled out in errors. Like PyTorch, a window that does not
/// fit at the end is left out (the output size is floored); when what it leaves out is only zero padding nothing is
/// lost and nothing is said (a 3×3, stride-2, padding-1 convolution of 28 rows), but when real rows or columns are
/// never read the result carries a warning naming them, with a padding or kernel that reads them all.
/// </summary>
internal static class ConvolutionShapes
{
    public static ShapeResult Convolution(GanGen.Generators.Catalog.StepValues step, long[] input)
    {
        if (input.Length != 3)
            return ShapeResult.Fail($"Conv2d needs [channels, height, width], but gets {Shapes.Format(input)}; reshape it first, e.g. [Reshape(C, H, W)]");
        long channels = step.Long("Channels"), k = step.Long("Kernel"), s = step.Long("Stride"), p = step.Long("Padding"), d = step.Long("Dilation");
        var output = new long[3];
        output[0] = channels;
        string? warning = null;
        long? fix = null;
        for (int axis = 1; axis <= 2; axis++)
        {
            long size = input[axis];
            long span = size + 2 * p - d * (k - 1) - 1;
            if (span < 0)
                return ShapeResult.Fail($"the {Axis(axis)} {size} is smaller than the kernel: {size} + 2·{p} − {d}·({k} − 1) − 1 = {span} < 0; use a smaller Kernel or more Padding");
            output[axis] = span / s + 1;
            warning ??= Dropped(axis, size, span % s, p, $"⌊({size} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {output[axis]}", Suggest(size, k, s, p, d));
            fix ??= warning is null ? null : WholePadding(size, k, s, p, d);
        }
        long bias = step.Bool("Bias") ? channels : 0;
        return ShapeResult.Ok(output, input[0] * channels * k * k + bias, warning, fix);
    }

    /// <summary>
    /// The last <paramref name="unread"/> positions of the padded axis are never under a window; the last
    /// <paramref name="padding"/> of them are padding. Only the rest is real input lost.
    /// </summary>
    private static string? Dropped(int axis, long size, long unread, long padding, string arithmetic, string fix)
    {
        long lost = unread - padding;
        if (lost <= 0) return null;
        string what = axis == 1 ? (lost == 1 ? "row" : "rows") : (lost == 1 ? "column" : "columns");
        string which = lost == 1 ? $"{what} {size}" : $"{what} {size - lost + 1}–{size}";
        return $"{arithmetic}, so the last {lost} {what} of {size} ({which}) {(lost == 1 ? "is" : "are")} never read; {fix}";
    }

    public static ShapeResult TransposedConvolution(GanGen.Generators.Catalog.StepValues step, long[] input)
    {
        if (input.Length != 3)
            return ShapeResult.Fail($"ConvTranspose2d needs [channels, height, width], but gets {Shapes.Format(input)}; reshape the latent first, e.g. [Reshape(100, 1, 1)]");
        long channels = step.Long("Channels"), k = step.Long("Kernel"), s = step.Long("Stride"), p = step.Long("Padding");
        long op = step.Long("OutputPadding"), d = step.Long("Dilation");
        if (op >= s && op >= d)
            return ShapeResult.Fail($"OutputPadding {op} must be smaller than Stride {s} or Dilation {d}");
        var output = new long[3];
        output[0] = channels;
        for (int axis = 1; axis <= 2; axis++)
        {
            long size = (input[axis] - 1) * s - 2 * p + d * (k - 1) + op + 1;
            if (size < 1)
                return ShapeResult.Fail($"({input[axis]} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {op} + 1 = {size} is not a positive {Axis(axis)}; use less Padding");
            output[axis] = size;
        }
        long bias = step.Bool("Bias") ? channels : 0;
        return ShapeResult.Ok(output, input[0] * channels * k * k + bias);
    }

    public static ShapeResult Pooling(GanGen.Generators.Catalog.StepValues step, long[] input)
    {
        if (input.Length != 3)
            return ShapeResult.Fail($"pooling needs [channels, height, width], not {Shapes.Format(input)}");
        long k = step.Long("Kernel"), s = step.Long("Stride"), p = step.Long("Padding");
        if (s == 0) s = k;
        if (2 * p > k) return ShapeResult.Fail($"Padding {p} may be at most half the Kernel {k}");
        var output = new long[] { input[0], 0, 0 };
        string? warning = null;
        for (int axis = 1; axis <= 2; axis++)
        {
            long span = input[axis] + 2 * p - k;
            if (span < 0) return ShapeResult.Fail($"the {Axis(axis)} {input[axis]} is smaller than the window {k}");
            output[axis] = span / s + 1;
            warning ??= Dropped(axis, input[axis], span % s, p, $"⌊({input[axis]} + 2·{p} − {k}) / {s}⌋ + 1 = {output[axis]}",
                $"pick a Kernel and Stride that divide {input[axis]}");
        }
        return ShapeResult.Ok(output, 0, warning);
    }

    public static ShapeResult Reshape(GanGen.Generators.Catalog.StepValues step, long[] input)
    {
        var target = new long[step.Dimensions.Count];
        for (int i = 0; i < target.Length; i++)
        {
            if (step.Dimensions[i] < 1) return ShapeResult.Fail($"Reshape dimensions must be ≥ 1, but dimension {i} is {step.Dimensions[i]}");
            target[i] = step.Dimensions[i];
        }
        if (target.Length == 0) return ShapeResult.Fail("Reshape needs a target shape, e.g. [Reshape(128, 7, 7)]");
        long have = Shapes.Product(input), want = Shapes.Product(target);
        if (have != want)
            return ShapeResult.Fail($"{Shapes.Format(input)} has {have} values but {Shapes.Format(target)} needs {want}; make the previous layer output {want}");
        return ShapeResult.Ok(target);
    }

    private static long? WholePadding(long size, long k, long s, long p, long d)
    {
        for (long padding = 0; padding <= k; padding++)
        {
            long span = size + 2 * padding - d * (k - 1) - 1;
            if (padding != p && span >= 0 && span % s == 0) return padding;
        }
        return null;
    }

    private static string Axis(int axis) => axis == 1 ? "height" : "width";

    /// <summary>Suggests the nearest padding and the kernels that make the output whole, when some do.</summary>
    private static string Suggest(long size, long k, long s, long p, long d)
    {
        var fixes = new List<string>();
        for (long padding = 0; padding <= k; padding++)
        {
            if (padding != p && (size + 2 * padding - d * (k - 1) - 1) % s == 0 && size + 2 * padding - d * (k - 1) - 1 >= 0)
            {
                fixes.Add("Padding = " + padding.ToString(CultureInfo.InvariantCulture));
                break;
            }
        }
        for (long kernel = 2; kernel <= 7 && fixes.Count < 3; kernel++)
        {
            if (kernel != k && (size + 2 * p - d * (kernel - 1) - 1) % s == 0 && size + 2 * p - d * (kernel - 1) - 1 >= 0)
                fixes.Add("Kernel = " + kernel.ToString(CultureInfo.InvariantCulture));
        }
        return fixes.Count == 0 ? "change the Stride, Kernel or Padding" : "use " + string.Join(" or ", fixes);
    }
}
