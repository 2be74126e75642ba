using System;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

// The declared loss in the PyTorch twin, term for term as the runtime classes in GanGen.Runtime.Losses compute it.
internal static partial class LossCatalog
{
    /// <summary>The discriminator's loss as a Python expression on <c>real_scores</c> and <c>fake_scores</c> (raw scores).</summary>
    public static string PythonDiscriminator(LossSpec loss) => loss.Kind switch
    {
        GanLoss.Minimax or GanLoss.NonSaturating =>
            $"F.binary_cross_entropy_with_logits(real_scores, torch.full_like(real_scores, {PythonNames.Float(loss.RealLabel)})) + " +
            "F.binary_cross_entropy_with_logits(fake_scores, torch.zeros_like(fake_scores))",
        GanLoss.Wasserstein => "fake_scores.mean() - real_scores.mean()",
        GanLoss.Hinge => "torch.relu(1 - real_scores).mean() + torch.relu(1 + fake_scores).mean()",
        GanLoss.LeastSquares => "((real_scores - 1).square().mean() + fake_scores.square().mean()) * 0.5",
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss.Kind, "The loss has no PyTorch twin; add it to LossCatalog.Python.cs."),
    };

    /// <summary>The generator's loss as a Python expression on <c>fake_scores</c>.</summary>
    public static string PythonGenerator(LossSpec loss) => loss.Kind switch
    {
        // Minimax: G minimises log(1 − σ(f)) = −BCE(σ(f), 0).
        GanLoss.Minimax => "-F.binary_cross_entropy_with_logits(fake_scores, torch.zeros_like(fake_scores))",
        GanLoss.NonSaturating => "F.binary_cross_entropy_with_logits(fake_scores, torch.ones_like(fake_scores))",
        GanLoss.Wasserstein or GanLoss.Hinge => "-fake_scores.mean()",
        GanLoss.LeastSquares => "(fake_scores - 1).square().mean() * 0.5",
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss.Kind, "The loss has no PyTorch twin; add it to LossCatalog.Python.cs."),
    };
}
