using System.Collections.Generic;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// The block classes a GAN's twin defines, inner blocks before the blocks and networks that use them, each under a
/// Python class name of its own: the block's name, or its qualified name where two blocks of the GAN share one.
/// </summary>
internal sealed class PythonBlocks
{
    private readonly Dictionary<string, string> _names = new(System.StringComparer.Ordinal);

    public PythonBlocks(GanSpec gan)
    {
        foreach (var network in new[] { gan.Generator, gan.Discriminator }) Collect(network.Layers);
        var counts = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var block in InOrder) counts[block.Name] = counts.TryGetValue(block.Name, out int n) ? n + 1 : 1;
        foreach (var block in InOrder)
            _names[block.TypeName] = counts[block.Name] == 1 ? block.Name : block.TypeName.Replace("global::", string.Empty).Replace('.', '_');
    }

    /// <summary>Every block type once, inner blocks first.</summary>
    public List<BlockSpec> InOrder { get; } = new();

    public string Name(BlockSpec block) => _names[block.TypeName];

    private void Collect(EquatableArray<LayerSpec> nodes)
    {
        foreach (var node in nodes)
        {
            if (node.Block is not { } block) continue;
            Collect(block.Layers);
            if (!InOrder.Exists(known => known.TypeName == block.TypeName)) InOrder.Add(block);
        }
    }
}
