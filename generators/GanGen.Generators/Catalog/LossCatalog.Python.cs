using System;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

// The declared loss in the PyTorch twin, term for term as the runtime classes in GanGen.Runtime.Losses compute it.
internal static partial class LossCatalog
{
    /// <summary>
    /// The discriminator's loss as a Python expression on <c>real_scores</c> and <c>fake_scores</c> (raw scores). With
    /// <paramref name="flip"/> (a [LabelFlip] object's expression) each target is drawn per loss, the real ones first,
    /// as AdversarialLoss.FlippedTargets draws them; a relativistic loss is the [Relativistic] object's.
    /// </summary>
    public static string PythonDiscriminator(LossSpec loss, string? flip = null)
    {
        if (loss.Relativistic) return Relativistic.PythonDiscriminatorLoss;
        if (flip is not null && loss.Kind is not (GanLoss.Minimax or GanLoss.NonSaturating or GanLoss.LeastSquares))
            throw new ArgumentException($"{loss.Kind} compares no scores with targets, so there is nothing to flip.", nameof(flip));
        return loss.Kind switch
        {
            GanLoss.Minimax or GanLoss.NonSaturating =>
                $"F.binary_cross_entropy_with_logits(real_scores, {Target(flip, "real_scores", loss.RealLabel, 0.0)}) + " +
                $"F.binary_cross_entropy_with_logits(fake_scores, {Target(flip, "fake_scores", 0.0, 1.0)})",
            GanLoss.Wasserstein => "fake_scores.mean() - real_scores.mean()",
            GanLoss.Hinge => "torch.relu(1 - real_scores).mean() + torch.relu(1 + fake_scores).mean()",
            GanLoss.LeastSquares => flip is null
                ? "((real_scores - 1).square().mean() + fake_scores.square().mean()) * 0.5"
                : $"((real_scores - {Target(flip, "real_scores", 1.0, 0.0)}).square().mean() + (fake_scores - {Target(flip, "fake_scores", 0.0, 1.0)}).square().mean()) * 0.5",
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss.Kind, "The loss has no PyTorch twin; add it to LossCatalog.Python.cs."),
        };
    }

    /// <summary>The generator's loss as a Python expression on <c>fake_scores</c> (and, relativistic, the real batch's <c>real_scores</c>).</summary>
    public static string PythonGenerator(LossSpec loss) => loss.Relativistic ? Relativistic.PythonGeneratorLoss : loss.Kind switch
    {
        // Minimax: G minimises log(1 − σ(f)) = −BCE(σ(f), 0).
        GanLoss.Minimax => "-F.binary_cross_entropy_with_logits(fake_scores, torch.zeros_like(fake_scores))",
        GanLoss.NonSaturating => "F.binary_cross_entropy_with_logits(fake_scores, torch.ones_like(fake_scores))",
        GanLoss.Wasserstein or GanLoss.Hinge => "-fake_scores.mean()",
        GanLoss.LeastSquares => "(fake_scores - 1).square().mean() * 0.5",
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss.Kind, "The loss has no PyTorch twin; add it to LossCatalog.Python.cs."),
    };

    private static RelativisticKind Relativistic => (RelativisticKind)RegularizerCatalog.Get(typeof(RelativisticAttribute).FullName!);

    /// <summary>The constant target <paramref name="target"/> shaped like <paramref name="scores"/>, or the flipped targets drawn for them.</summary>
    private static string Target(string? flip, string scores, double target, double swapped)
    {
        if (flip is not null) return $"{flip}.targets({scores}, {PythonNames.Float(target)}, {PythonNames.Float(swapped)}, draws)";
        return target switch
        {
            0.0 => $"torch.zeros_like({scores})",
            _ => $"torch.full_like({scores}, {PythonNames.Float(target)})",
        };
    }
}
