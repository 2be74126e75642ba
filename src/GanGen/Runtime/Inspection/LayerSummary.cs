namespace GanGen.Runtime.Inspection;

/// <summary>One row of a network summary, as the generator inferred it at compile time.</summary>
/// <param name="Name">Layer (property) name.</param>
/// <param name="Description">Layer and operations, e.g. "Dense 8 → 128, ReLU".</param>
/// <param name="OutputShape">Output shape per sample (batch excluded).</param>
/// <param name="Parameters">Trainable parameter count.</param>
public sealed record LayerSummary(string Name, string Description, long[] OutputShape, long Parameters);
