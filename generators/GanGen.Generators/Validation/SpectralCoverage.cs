using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// Which weighted layers [SpectralNorm] reaches: on a layer it normalises that layer, on a block node every weighted
/// layer inside the block (recursively). A network all of whose weighted layers are normalised is 1-Lipschitz per layer.
/// </summary>
internal static class SpectralCoverage
{
    /// <summary>Whether these nodes (and the blocks they use) have a layer with a weight matrix to normalise.</summary>
    public static bool HasWeightedLayer(EquatableArray<LayerDeclaration> nodes) => Count(nodes, inherited: false, out _) > 0;

    /// <summary>Whether every weighted layer of these nodes is spectrally normalised (and there is at least one).</summary>
    public static bool AllNormalised(EquatableArray<LayerDeclaration> nodes) => Count(nodes, inherited: false, out int unnormalised) > 0 && unnormalised == 0;

    /// <summary>The weighted layers, and how many of them no [SpectralNorm] reaches.</summary>
    private static int Count(EquatableArray<LayerDeclaration> nodes, bool inherited, out int unnormalised)
    {
        int weighted = 0;
        unnormalised = 0;
        foreach (var node in nodes)
        {
            bool spectral = inherited || Has<SpectralNormKind>(node);
            if (node.Block is { } block && !node.BlockCycle)
            {
                weighted += Count(block.Layers, spectral, out int inner);
                unnormalised += inner;
                continue;
            }
            foreach (var step in node.Steps)
            {
                if (!step.IsLayer || !StepCatalog.TryGet(step.Attribute.AttributeName, out var kind) || !kind.HasWeightMatrix) continue;
                weighted++;
                if (!spectral) unnormalised++;
            }
        }
        return weighted;
    }

    private static bool Has<TKind>(LayerDeclaration node) where TKind : StepKind
    {
        foreach (var step in node.Steps)
        {
            if (StepCatalog.TryGet(step.Attribute.AttributeName, out var kind) && kind is TKind) return true;
        }
        return false;
    }
}
