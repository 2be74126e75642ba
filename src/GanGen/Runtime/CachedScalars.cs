using TorchSharp;

namespace GanGen.Runtime;

/// <summary>
/// Process-wide constant Scalars. TorchSharp's <c>add_(tensor)</c> and <c>add_(scalar)</c> overloads create a new
/// finalizable Scalar for the implicit alpha = 1 on every call, so runtime code passes <see cref="One"/> instead.
/// </summary>
internal static class CachedScalars
{
    /// <summary>1, as an alpha or an addend.</summary>
    public static readonly Scalar One = 1.0;
}
