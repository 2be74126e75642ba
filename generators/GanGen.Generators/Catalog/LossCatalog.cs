using GanGen.Generators.Emit;
using GanGen.Generators.Model;

using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>The runtime class behind each <see cref="GanLoss"/> and the constructor arguments its options need.</summary>
internal static partial class LossCatalog
{
    private const string Runtime = "global::GanGen.Runtime.Losses.";

    public static string RuntimeType(GanLoss loss) => Runtime + loss + "Loss";

    /// <summary>Only the BCE family takes an option: the real label (one-sided smoothing when below 1).</summary>
    public static string ConstructorArguments(LossSpec loss) =>
        loss.Kind is GanLoss.Minimax or GanLoss.NonSaturating && loss.RealLabel != 1.0 ? $"realLabel: {Literals.Double(loss.RealLabel)}" : string.Empty;

    public static string Describe(LossSpec loss) =>
        loss.Kind + (loss.Kind is GanLoss.Minimax or GanLoss.NonSaturating && loss.RealLabel != 1.0 ? $" (real label {Literals.Double(loss.RealLabel)})" : string.Empty);
}
