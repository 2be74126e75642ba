using System.Collections.Generic;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// The uses of each block class in one GAN: one generated class serves every use, so every use must construct the
/// same layers (the same <see cref="BlockSpec.Signature"/>); the first use of another signature is GAN234.
/// </summary>
internal sealed class BlockUses
{
    private readonly Dictionary<string, (BlockSpec Spec, string Node)> _first = new(System.StringComparer.Ordinal);

    public void Check(BlockSpec spec, LayerDeclaration node, ValidationContext context)
    {
        if (!_first.TryGetValue(spec.TypeName, out var first))
        {
            _first[spec.TypeName] = (spec, node.Name);
            return;
        }
        if (first.Spec.Signature == spec.Signature) return;
        context.Report(DiagnosticDescriptors.BlockUsesDiffer, node.Location, spec.Name, first.Node, BlockSignatures.Describe(first.Spec), node.Name,
            BlockSignatures.Describe(spec));
    }
}
