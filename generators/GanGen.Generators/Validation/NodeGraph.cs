using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>Who reads whom among a network's or block's declared nodes, for rules about neighbouring layers.</summary>
internal static class NodeGraph
{
    /// <summary>What <see cref="Source"/> returns for a node that reads the input of its network or block.</summary>
    public const int Input = -1;

    /// <summary>What <see cref="Source"/> returns for a reference that names no earlier node (GAN230, GAN231).</summary>
    public const int Unknown = -2;

    /// <summary>The position of the node that node <paramref name="position"/> reads: the previous one, or what its [From] names.</summary>
    public static int Source(EquatableArray<LayerDeclaration> nodes, int position)
    {
        if (nodes[position].From is not { } from) return position - 1;
        return from.Name == global::GanGen.Node.Input ? Input : Earlier(nodes, position, from.Name);
    }

    /// <summary>
    /// Whether node <paramref name="position"/>'s output is read only as the input of nodes that satisfy
    /// <paramref name="reader"/>: not by the network's or block's output (which reads the last node), and not as a
    /// merge's or a style's operand.
    /// </summary>
    public static bool OnlyReadAsInputBy(EquatableArray<LayerDeclaration> nodes, int position, System.Predicate<LayerDeclaration> reader)
    {
        if (position == nodes.Count - 1) return false;
        string name = nodes[position].Name;
        for (int i = position + 1; i < nodes.Count; i++)
        {
            foreach (var step in nodes[i].Steps)
            {
                if (step.Reference?.Name == name) return false;
            }
            if (Source(nodes, i) == position && !reader(nodes[i])) return false;
        }
        return true;
    }

    private static int Earlier(EquatableArray<LayerDeclaration> nodes, int position, string name)
    {
        for (int i = 0; i < position; i++)
        {
            if (nodes[i].Name == name) return i;
        }
        return Unknown;
    }
}
