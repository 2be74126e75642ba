using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>
/// Kernel Inception Distance (Bińkowski et al. 2018): the unbiased MMD² estimate with the cubic polynomial kernel
/// k(x, y) = (xᵀy / d + 1)³, averaged over random subsets as clean-fid does (100 subsets of at most 1,000 samples,
/// drawn without replacement). Unlike FID it is unbiased, so figures from different sample counts compare.
/// </summary>
public static class KernelDistance
{
    /// <summary>KID between features [N, D] and [M, D]; subsets drawn from <paramref name="seed"/> so reruns agree.</summary>
    public static double Compute(Tensor features1, Tensor features2, int subsets = 100, int maxSubsetSize = 1000, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(features1);
        ArgumentNullException.ThrowIfNull(features2);
        if (features1.dim() != 2 || features2.dim() != 2 || features1.size(1) != features2.size(1))
            throw new ArgumentException($"KID needs [N, D] and [M, D] features; got [{string.Join(", ", features1.shape)}] and [{string.Join(", ", features2.shape)}].");
        if (subsets < 1) throw new ArgumentOutOfRangeException(nameof(subsets), subsets, "At least one subset is needed.");
        int m = (int)Math.Min(Math.Min(features1.size(0), features2.size(0)), maxSubsetSize);
        if (m < 2) throw new ArgumentException("KID needs at least 2 samples on each side (the unbiased estimate divides by m − 1).");

        using var scope = NewDisposeScope();
        var x = features1.detach().to(float64).cpu();
        var y = features2.detach().to(float64).cpu();
        double d = x.size(1);
        var random = new Random(seed);
        double total = 0;
        for (int s = 0; s < subsets; s++)
        {
            using var inner = NewDisposeScope();
            var xs = x.index_select(0, tensor(Draw(random, (int)x.size(0), m)));
            var ys = y.index_select(0, tensor(Draw(random, (int)y.size(0), m)));
            var kxx = xs.matmul(xs.t()).div_(d).add_(1.0).pow_(3.0);
            var kyy = ys.matmul(ys.t()).div_(d).add_(1.0).pow_(3.0);
            var kxy = xs.matmul(ys.t()).div_(d).add_(1.0).pow_(3.0);
            // Off-diagonal sums only: the diagonal terms k(x, x) are what makes the plain estimate biased.
            double within = (kxx.sum().item<double>() - kxx.trace().item<double>() + kyy.sum().item<double>() - kyy.trace().item<double>()) / (m - 1);
            total += within - 2.0 * kxy.sum().item<double>() / m;
        }
        return total / subsets / m;
    }

    // A partial Fisher–Yates shuffle: m distinct indices out of n.
    private static long[] Draw(Random random, int n, int m)
    {
        var indices = new long[n];
        for (int i = 0; i < n; i++) indices[i] = i;
        for (int i = 0; i < m; i++)
        {
            int j = random.Next(i, n);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        return indices.AsSpan(0, m).ToArray();
    }
}
