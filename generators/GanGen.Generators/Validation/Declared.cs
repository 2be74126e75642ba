using System.Collections.Generic;
using System.Globalization;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>Formatting shared by the validators' messages.</summary>
internal static class Declared
{
    internal static long[] ToArray(EquatableArray<long> values)
    {
        var result = new long[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = values[i];
        return result;
    }

    internal static string RoleName(NetworkRole role) => role == NetworkRole.Generator ? "generator" : "discriminator";

    internal static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Every step of these nodes and of the blocks they use, recursively, with the node it is on.</summary>
    internal static IEnumerable<(LayerDeclaration Layer, StepDeclaration Step)> Steps(EquatableArray<LayerDeclaration> nodes)
    {
        foreach (var node in nodes)
        {
            foreach (var step in node.Steps) yield return (node, step);
            if (node.Block is { } block)
            {
                foreach (var inner in Steps(block.Layers)) yield return inner;
            }
        }
    }

    /// <summary>Every step of these node specs and of the blocks they use, recursively.</summary>
    internal static IEnumerable<StepSpec> Steps(EquatableArray<LayerSpec> nodes)
    {
        foreach (var node in nodes)
        {
            foreach (var step in node.Steps) yield return step;
            if (node.Block is { } block)
            {
                foreach (var inner in Steps(block.Layers)) yield return inner;
            }
        }
    }

    /// <summary>The last node that is not a block, looking into trailing blocks: where a network's last layer is declared.</summary>
    internal static LayerDeclaration LastLayer(EquatableArray<LayerDeclaration> nodes)
    {
        var last = nodes[nodes.Count - 1];
        return last.Block is { Layers.Count: > 0 } block && last.Steps.Count == 0 ? LastLayer(block.Layers) : last;
    }
}
