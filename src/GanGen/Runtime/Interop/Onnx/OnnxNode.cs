using System.Collections.Generic;

namespace GanGen.Runtime.Interop.Onnx;

/// <summary>
/// A node as the builder records it: inputs and outputs are value ids (−1 for an omitted optional input), resolved
/// to names only when the model is encoded, so renaming a value (see <see cref="OnnxGraphBuilder.Output"/>) needs no rewrite.
/// </summary>
internal sealed record OnnxNode(string Name, string OpType, IReadOnlyList<int> Inputs, IReadOnlyList<int> Outputs, IReadOnlyList<OnnxAttribute> Attributes)
{
    /// <summary>Marks an omitted optional input, written as the empty name.</summary>
    public const int Absent = -1;
}
