using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>What one instruction of a lowered network does to the running value x.</summary>
internal enum Op
{
    /// <summary>Starts a node (the printers write its header comment).</summary>
    Node,

    /// <summary>x = step(x), or x updated in place.</summary>
    Step,

    /// <summary>x = merge(x, value).</summary>
    Merge,

    /// <summary>x = block(x): a block node's module.</summary>
    Block,

    /// <summary>value = x: a node's output (or the network's input, or a head's features) kept for a later reader.</summary>
    Keep,

    /// <summary>x = value: a node reads a kept value instead of the previous node's output.</summary>
    Load,

    /// <summary>A kept value's last reader is done: dispose it, or hand it to x when x is that tensor.</summary>
    Release,

    /// <summary>The conditional head (projection or class logits) on the kept features.</summary>
    Head,

    /// <summary>Returns x.</summary>
    Return,
}

/// <summary>
/// One instruction, with the ownership facts the TorchSharp printer needs: whether x is an intermediate this forward
/// owns alone (so in-place steps may overwrite it and a replaced x is disposed), and for Keep, Load and Release what
/// happens to the tensors. ONNX and PyTorch printers read only the data flow.
/// </summary>
/// <param name="Value">The kept value an instruction names (a node's name, <see cref="Node.Input"/> or <see cref="NodeProgram.Features"/>).</param>
/// <param name="Fresh">x is owned by this forward and by nothing else before the instruction.</param>
/// <param name="Owned">Keep: x was owned, so the value takes it; otherwise the value is an alias view of its own.
/// Load: x was owned and is disposed first. Release: dispose the value (false: x is the value and owns it now).
/// Return: x is owned (false: return an alias, never the caller's tensor).</param>
internal sealed record Instruction(Op Op, LayerSpec? Node, StepSpec? Step, string? Value, bool Fresh, bool Owned);

/// <summary>
/// A network or block lowered once into straight-line instructions over the running value x and the values kept for
/// later readers ([From], merges, a conditional head's features), with the last reader of each kept value known. The
/// TorchSharp, ONNX and PyTorch printers only print it.
/// </summary>
internal sealed class NodeProgram
{
    /// <summary>The value a projection or class head reads: the last node's input.</summary>
    public const string Features = "@features";

    private readonly List<Instruction> _instructions = new();
    private readonly Dictionary<string, (int Node, int Step)> _lastUse = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _live = new(System.StringComparer.Ordinal);
    private readonly IReadOnlyList<LayerSpec> _nodes;
    private bool _fresh;
    private string? _alias;

    private NodeProgram(IReadOnlyList<LayerSpec> nodes) => _nodes = nodes;

    public IReadOnlyList<Instruction> Instructions => _instructions;

    /// <summary>Values kept under a name of their own (what the printers declare as locals).</summary>
    public HashSet<string> KeptValues { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Lowers <paramref name="nodes"/>. <paramref name="inputOwned"/>: x starts as an intermediate (a joined label)
    /// rather than the caller's tensor. <paramref name="head"/>: keep the last node's input for a head. <paramref name="stop"/>:
    /// end after that node and step (feature matching's features), releasing what is still kept.
    /// </summary>
    public static NodeProgram Lower(IReadOnlyList<LayerSpec> nodes, bool inputOwned, bool head, (int Node, int Step)? stop = null)
    {
        var program = new NodeProgram(nodes);
        program.Run(inputOwned, head, stop);
        return program;
    }

    private void Run(bool inputOwned, bool head, (int Node, int Step)? stop)
    {
        FindLastUses(head, stop);
        _fresh = inputOwned;
        _alias = inputOwned ? null : Node.Input;
        if (inputOwned && _lastUse.ContainsKey(Node.Input)) Keep(Node.Input, null);

        for (int i = 0; i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            Add(Op.Node, node, null, null, _fresh, false);
            if (ReadsKept(i) is { } from)
            {
                Add(Op.Load, node, null, from, _fresh, _fresh);
                _fresh = false;
                _alias = from;
                ReleaseIfLast(from, i, -1);
            }
            if (head && i == _nodes.Count - 1) Keep(Features, node);
            if (node.Block is not null)
            {
                Add(Op.Block, node, null, null, _fresh, false);
                Changed();
            }
            for (int s = 0; s < node.Steps.Count; s++)
            {
                var step = node.Steps[s];
                var kind = StepCatalog.Get(step.Kind);
                if (kind.IsMerge)
                {
                    Add(Op.Merge, node, step, step.Reference, _fresh, false);
                    Changed();
                    ReleaseIfLast(step.Reference!, i, s);
                }
                else
                {
                    Add(Op.Step, node, step, null, _fresh, false);
                    // A step that computes nothing (a marker, Identity) leaves x as it was.
                    if (!kind.Forward(step, new StepSite("_", "_", _fresh, false)).IsNone) Changed();
                }
                if (stop is { } at && at.Node == i && at.Step == s)
                {
                    Return();
                    return;
                }
            }
            if (IsReadLater(node.Name, i)) Keep(node.Name, node);
        }
        if (head)
        {
            Add(Op.Head, null, null, Features, _fresh, false);
            Changed();
            Release(Features, null);
        }
        Return();
    }

    /// <summary>The kept value node <paramref name="index"/> reads, or null when it reads the previous node's output (x).</summary>
    private string? ReadsKept(int index)
    {
        string? from = _nodes[index].From;
        if (from is null) return null;
        bool previous = index == 0 ? from == Node.Input : from == _nodes[index - 1].Name;
        return previous ? null : from;
    }

    private void FindLastUses(bool head, (int Node, int Step)? stop)
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (ReadsKept(i) is { } from) _lastUse[from] = (i, -1);
            for (int s = 0; s < _nodes[i].Steps.Count; s++)
            {
                if (stop is { } at && (i > at.Node || (i == at.Node && s > at.Step))) return;
                if (_nodes[i].Steps[s].Reference is { } reference) _lastUse[reference] = (i, s);
            }
        }
        if (head) _lastUse[Features] = (_nodes.Count, 0);
    }

    private bool IsReadLater(string name, int index) => _lastUse.TryGetValue(name, out var use) && use.Node > index;

    private void Keep(string name, LayerSpec? node)
    {
        Add(Op.Keep, node, null, name, _fresh, _fresh);
        KeptValues.Add(name);
        _live.Add(name);
        _alias = name;
        _fresh = false;
    }

    private void ReleaseIfLast(string name, int node, int step)
    {
        if (name == Node.Input && !_live.Contains(name)) return; // the caller's input: never released
        if (_lastUse.TryGetValue(name, out var last) && last == (node, step)) Release(name, _nodes[node]);
    }

    private void Release(string name, LayerSpec? node)
    {
        if (!_live.Remove(name)) return;
        if (_alias == name)
        {
            // x is that tensor: it owns it from here on.
            Add(Op.Release, node, null, name, _fresh, false);
            _alias = null;
            _fresh = true;
        }
        else
        {
            Add(Op.Release, node, null, name, _fresh, true);
        }
    }

    /// <summary>x is a new intermediate after a step that computed one (or updated an owned one in place).</summary>
    private void Changed()
    {
        _fresh = true;
        _alias = null;
    }

    private void Return()
    {
        foreach (string name in new List<string>(_live)) Release(name, null);
        Add(Op.Return, null, null, null, _fresh, _fresh);
    }

    private void Add(Op op, LayerSpec? node, StepSpec? step, string? value, bool fresh, bool owned) =>
        _instructions.Add(new Instruction(op, node, step, value, fresh, owned));
}
