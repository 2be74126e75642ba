using GanGen.Generators.Emit;
using GanGen.Generators.Model;

using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>The runtime class behind each <see cref="GanLoss"/> and the constructor arguments its options need.</summary>
internal static partial class LossCatalog
{
    private const string Runtime = "global::GanGen.Runtime.Losses.";

    public static string RuntimeType(GanLoss loss) => Runtime + loss + "Loss";

    /// <summary>The loss object's type, plain or in its relativistic average form.</summary>
    public static string RuntimeType(LossSpec loss) => loss.Relativistic ? Runtime + "RelativisticAverageLoss" : RuntimeType(loss.Kind);

    /// <summary>The constructor's arguments: the base loss when relativistic; the BCE family's real label when below 1 (one-sided smoothing).</summary>
    public static string ConstructorArguments(LossSpec loss)
    {
        string realLabel = loss.Kind is GanLoss.Minimax or GanLoss.NonSaturating && loss.RealLabel != 1.0 ? $"realLabel: {Literals.Double(loss.RealLabel)}" : string.Empty;
        if (!loss.Relativistic) return realLabel;
        return $"global::GanGen.GanLoss.{loss.Kind}" + (realLabel.Length == 0 ? string.Empty : ", " + realLabel);
    }

    /// <summary>
    /// Whether both networks' losses are never negative, so that comparing them says which network lags: the
    /// non-saturating and least-squares losses, and every relativistic form (BCE, squares or hinge of score
    /// differences). The saturating minimax generator's log(1 − D) is negative, and the Wasserstein and hinge
    /// generators' −E C(G(z)) takes either sign.
    /// </summary>
    public static bool IsNonNegative(GanLoss loss, bool relativistic) =>
        relativistic ? loss != GanLoss.Wasserstein : loss is GanLoss.NonSaturating or GanLoss.LeastSquares;

    public static string Describe(LossSpec loss) =>
        (loss.Relativistic ? "relativistic average " : string.Empty) + loss.Kind + (loss.Kind is GanLoss.Minimax or GanLoss.NonSaturating && loss.RealLabel != 1.0 ? $" (real label {Literals.Double(loss.RealLabel)})" : string.Empty);
}
