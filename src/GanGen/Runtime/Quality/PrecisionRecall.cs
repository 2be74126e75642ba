using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>Precision, recall (Kynkäänniemi et al. 2019), density and coverage (Naeem et al. 2020) of generated features.</summary>
public readonly record struct PrecisionRecallScores(double Precision, double Recall, double Density, double Coverage);

/// <summary>
/// k-nearest-neighbour manifold estimates on feature sets, as Naeem et al.'s prdc package computes them: each sample's
/// radius is the distance to its k-th nearest neighbour within its own set (itself excluded); a generated sample is
/// "precise" if it falls inside some real sample's ball, a real one "recalled" if inside some generated ball.
/// </summary>
public static class PrecisionRecall
{
    /// <summary>The four scores of <paramref name="generated"/> [M, D] against <paramref name="real"/> [N, D].</summary>
    public static PrecisionRecallScores Compute(Tensor real, Tensor generated, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(generated);
        if (real.dim() != 2 || generated.dim() != 2 || real.size(1) != generated.size(1))
            throw new ArgumentException($"PRDC needs [N, D] and [M, D] features; got [{string.Join(", ", real.shape)}] and [{string.Join(", ", generated.shape)}].");
        if (k < 1 || real.size(0) <= k || generated.size(0) <= k)
            throw new ArgumentException($"PRDC with k = {k} needs more than {k} samples on each side; got {real.size(0)} real and {generated.size(0)} generated.");

        using var scope = NewDisposeScope();
        var r = real.detach().to(float64).cpu();
        var g = generated.detach().to(float64).cpu();
        var realRadii = KthNeighbourDistance(r, k);
        var generatedRadii = KthNeighbourDistance(g, k);
        var realToGenerated = cdist(r, g); // [N, M]

        // Strict "<" as in the prdc package, so a sample on a ball's boundary is outside it.
        var insideReal = realToGenerated.lt(realRadii.unsqueeze(1)); // [N, M]: generated j inside real i's ball
        double precision = insideReal.any(0).to_type(ScalarType.Float64).mean().item<double>();
        double recall = realToGenerated.lt(generatedRadii.unsqueeze(0)).any(1).to_type(ScalarType.Float64).mean().item<double>();
        // sum(0) would bind to sum(ScalarType) (the literal 0 converts to any enum) and sum as bytes: name the dimension.
        double density = insideReal.to_type(ScalarType.Float64).sum(new long[] { 0 }).mean().item<double>() / k;
        double coverage = realToGenerated.min(1).values.lt(realRadii).to_type(ScalarType.Float64).mean().item<double>();
        return new PrecisionRecallScores(precision, recall, density, coverage);
    }

    // Index k of the sorted row is the k-th neighbour because index 0 is the sample itself (distance 0).
    private static Tensor KthNeighbourDistance(Tensor features, int k)
        => cdist(features, features).kthvalue(k + 1, 1).values;
}
