using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// The steps that set a network's output values, for the rules about its last activation (GAN301, GAN304, GAN308).
/// Steps that keep their input's range (reshaping, pooling, Identity, Concat) pass it on, so the search looks through
/// them: into the node a node reads (the previous one, or what [From] names), out of a block to what its use reads,
/// into the last node of a block, and into both operands of a Concat. The output is the graph's, not the last line's.
/// </summary>
internal static class OutputValues
{
    // Deeper than any sensible graph; a bound so that malformed declarations cannot recurse without end.
    private const int MaxDepth = 64;

    /// <summary>
    /// Each step whose values reach the output unchanged in range; where the search reaches the network's own input,
    /// the outermost step it passed stands for it (so a node of range-keeping steps only is judged by its first step).
    /// </summary>
    public static List<StepDeclaration> Of(NetworkDeclaration network)
    {
        var found = new List<StepDeclaration>();
        if (network.Layers.Count > 0) Visit(new Scope(network.Layers, null, 0), network.Layers.Count - 1, null, found, 0);
        return found;
    }

    /// <summary>A network's or block's nodes; for a block, the scope and position of the node that uses it.</summary>
    private sealed record Scope(EquatableArray<LayerDeclaration> Nodes, Scope? Outer, int OuterPosition);

    private static void Visit(Scope scope, int position, StepDeclaration? passed, List<StepDeclaration> found, int depth)
    {
        if (depth > MaxDepth) return;
        var node = scope.Nodes[position];
        var steps = node.Steps;
        for (int i = steps.Count - 1; i >= 0; i--)
        {
            var step = steps[i];
            if (!StepCatalog.TryGet(step.Attribute.AttributeName, out var kind)) return;
            if (!kind.KeepsRange)
            {
                found.Add(step);
                return;
            }
            passed = step;
            // A Concat's output holds its other operand's values too.
            if (kind.IsMerge && step.Reference is { } reference) Reference(scope, position, reference.Name, passed, found, depth + 1);
        }
        if (node.BlockCycle) return;
        if (node.Block is { Layers.Count: > 0 } block)
        {
            Visit(new Scope(block.Layers, scope, position), block.Layers.Count - 1, passed, found, depth + 1);
            return;
        }
        Input(scope, position, node.From?.Name, passed, found, depth + 1);
    }

    /// <summary>What the node at <paramref name="position"/> reads: the previous node, or the one <paramref name="from"/> names.</summary>
    private static void Input(Scope scope, int position, string? from, StepDeclaration? passed, List<StepDeclaration> found, int depth)
    {
        if (from is null && position > 0) Visit(scope, position - 1, passed, found, depth);
        else Reference(scope, position, from ?? global::GanGen.Node.Input, passed, found, depth);
    }

    private static void Reference(Scope scope, int position, string name, StepDeclaration? passed, List<StepDeclaration> found, int depth)
    {
        if (name == global::GanGen.Node.Input)
        {
            if (scope.Outer is { } outer)
                Input(outer, scope.OuterPosition, outer.Nodes[scope.OuterPosition].From?.Name, passed, found, depth);
            else if (passed is not null) found.Add(passed);
            return;
        }
        // Only earlier nodes: a reference to a later one is GAN231 and has no value here.
        for (int i = 0; i < position; i++)
        {
            if (scope.Nodes[i].Name == name)
            {
                Visit(scope, i, passed, found, depth);
                return;
            }
        }
    }
}
