using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>
/// The Fréchet distance between Gaussians fitted to two feature sets (Heusel et al. 2017, the "FID" formula):
/// ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁^½ Σ₂ Σ₁^½)^½), in float64 with symmetric eigendecompositions.
/// </summary>
public static class FrechetDistance
{
    /// <summary>Mean [D] and covariance [D, D] (float64) of features [N, D].</summary>
    public static (Tensor Mean, Tensor Covariance) Statistics(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.dim() != 2 || features.size(0) < 2)
            throw new ArgumentException($"Statistics need [N ≥ 2, D] features; got [{string.Join(", ", features.shape)}].", nameof(features));
        using var values = features.detach().to(float64).cpu();
        var mean = values.mean(new long[] { 0 });
        using var centred = values - mean;
        var covariance = centred.t().matmul(centred).div_(values.size(0) - 1);
        return (mean, covariance);
    }

    /// <summary>The distance between two fitted Gaussians.</summary>
    public static double Compute(Tensor mean1, Tensor covariance1, Tensor mean2, Tensor covariance2)
    {
        using var scope = NewDisposeScope();
        var difference = (mean1 - mean2).square().sum().item<double>();
        var root1 = SquareRoot(covariance1);
        var inner = root1.matmul(covariance2).matmul(root1);
        inner = (inner + inner.t()).div(2.0); // symmetric up to rounding
        var eigenvalues = linalg.eigvalsh(inner).clamp_min(0.0);
        double traceRoot = eigenvalues.sqrt().sum().item<double>();
        double trace = covariance1.trace().item<double>() + covariance2.trace().item<double>() - 2 * traceRoot;
        return difference + Math.Max(0.0, trace);
    }

    /// <summary>Fits both feature sets and returns their distance.</summary>
    public static double Compute(Tensor features1, Tensor features2)
    {
        var (m1, c1) = Statistics(features1);
        var (m2, c2) = Statistics(features2);
        using (m1) using (c1) using (m2) using (c2)
            return Compute(m1, c1, m2, c2);
    }

    private static Tensor SquareRoot(Tensor symmetric)
    {
        var (values, vectors) = linalg.eigh(symmetric);
        return vectors.matmul(diag(values.clamp_min(0.0).sqrt())).matmul(vectors.t());
    }
}
