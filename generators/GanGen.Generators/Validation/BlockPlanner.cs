using System.Collections.Generic;
using System.Collections.Immutable;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace GanGen.Generators.Validation;

/// <summary>
/// Pairs each [GanBlock] class with the uses the valid GANs of the compilation make of it: one class serves all of
/// them, so uses that build different layers are an error at the block (GAN234); a block no valid GAN uses still gets
/// its layer properties implemented (throwing), as a GAN with errors does.
/// </summary>
internal static class BlockPlanner
{
    /// <summary>Every block use (nested ones too) of every valid GAN, one per block type and signature, with where it is used first.</summary>
    public static EquatableArray<BlockUse> Uses(ImmutableArray<GanSpec?> gans)
    {
        var uses = new List<BlockUse>();
        foreach (var gan in gans)
        {
            if (gan is null) continue;
            Collect(gan.Name + "." + gan.Generator.Name, gan.Generator.Layers, uses);
            Collect(gan.Name + "." + gan.Discriminator.Name, gan.Discriminator.Layers, uses);
        }
        return new EquatableArray<BlockUse>(uses.ToArray());
    }

    private static void Collect(string path, EquatableArray<LayerSpec> nodes, List<BlockUse> uses)
    {
        foreach (var node in nodes)
        {
            if (node.Block is not { } block) continue;
            Collect(path + "." + node.Name, block.Layers, uses);
            if (!uses.Exists(use => use.Spec.TypeName == block.TypeName && use.Spec.Signature == block.Signature)) uses.Add(new BlockUse(path + "." + node.Name, block));
        }
    }

    public static BlockOutput? Plan(BlockDeclaration block, EquatableArray<BlockUse> uses)
    {
        if (!block.IsPartial || block.IsGeneric || !SyntaxFacts.IsValidIdentifier(block.Name)) return null;
        BlockUse? first = null;
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var use in uses)
        {
            if (use.Spec.TypeName != block.TypeName) continue;
            if (first is null) first = use;
            else if (use.Spec.Signature != first.Spec.Signature)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BlockUsesDiffer, block.Location, block.Name, first.Where,
                    BlockSignatures.Describe(first.Spec), use.Where, BlockSignatures.Describe(use.Spec)));
                break;
            }
        }
        var recovery = new List<RecoveryLayer>();
        if (first is null)
        {
            var names = new HashSet<string>();
            foreach (var layer in block.Layers)
            {
                if (Recovery.Implementable(layer) && names.Add(layer.Name)) recovery.Add(new RecoveryLayer(layer.Name, layer.TypeName, layer.Accessibility));
            }
        }
        return new BlockOutput(block.Name, block.Namespace, block.Containers, first?.Spec, new EquatableArray<RecoveryLayer>(recovery.ToArray()),
            new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }
}

/// <summary>A block as one of its uses builds it, and where that use is: <c>ResGan.Generator.Up1</c>.</summary>
internal sealed record BlockUse(string Where, BlockSpec Spec);
