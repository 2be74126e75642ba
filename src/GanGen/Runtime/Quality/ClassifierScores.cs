using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>Classifier-based scores of generated samples from class probabilities [N, K].</summary>
public static class ClassifierScores
{
    /// <summary>
    /// Inception Score computed with the given classifier (Salimans et al. 2016): exp(E_x KL(p(y|x) ‖ p(y))). It is
    /// 1 when every sample gets the same prediction and K when predictions are confident and evenly spread.
    /// </summary>
    public static double InceptionScore(Tensor probabilities)
    {
        Check(probabilities);
        using var scope = NewDisposeScope();
        var p = probabilities.to(float64).clamp_min(1e-12);
        var marginal = p.mean(new long[] { 0 }, keepdim: true);
        var kl = (p * (p.log() - marginal.log())).sum(1);
        return Math.Exp(kl.mean().item<double>());
    }

    /// <summary>Classes predicted (arg-max) for at least <paramref name="minimumShare"/> of the samples.</summary>
    public static int ClassesCovered(Tensor probabilities, double minimumShare = 0.01)
    {
        Check(probabilities);
        using var predictions = probabilities.argmax(1);
        using var counts = predictions.bincount(null, probabilities.size(1));
        var values = counts.data<long>().ToArray();
        long needed = (long)Math.Ceiling(minimumShare * probabilities.size(0));
        int covered = 0;
        foreach (long count in values) if (count >= Math.Max(1, needed)) covered++;
        return covered;
    }

    private static void Check(Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.dim() != 2 || probabilities.size(0) < 1)
            throw new ArgumentException($"Class probabilities must be [N, K]; got [{string.Join(", ", probabilities.shape)}].", nameof(probabilities));
    }
}
