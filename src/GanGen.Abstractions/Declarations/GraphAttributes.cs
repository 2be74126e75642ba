using System;

namespace GanGen;

/// <summary>
/// Names a network's or block's input where a node reference is expected: <c>[From(Node.Input)]</c>,
/// <c>[Add(Node.Input)]</c> (an identity shortcut). Every other node is named with <c>nameof</c>, so the compiler
/// checks the name.
/// </summary>
public static class Node
{
    /// <summary>The input of the network or block the node is in.</summary>
    public const string Input = "input";
}

/// <summary>
/// A <c>partial</c> class of layer properties declared once and used as the type of a property in networks (and in
/// other blocks), each use a module of its own with its own weights: <c>public partial ResBlock Block1 { get; }</c>
/// registers <c>Block1.Conv1.weight</c>, as PyTorch names nested modules. Nodes in a block read the block's input
/// (<see cref="Node.Input"/>) and one another; its output is its last node's. A block may be declared anywhere (nested in
/// a GAN, a network, or at the top level to share it between GANs), but every use must construct the same layers.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GanBlockAttribute : Attribute
{
}

/// <summary>
/// The node's input: the output of the node named (<c>[From(nameof(Stem))]</c>) or the network's input
/// (<c>[From(Node.Input)]</c>) instead of the previous node's. The node named must come earlier, so a network has no cycle.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FromAttribute : Attribute
{
    /// <summary>Reads the output of <paramref name="node"/>.</summary>
    public FromAttribute(string node) => Node = node;

    /// <summary>The node whose output this node reads.</summary>
    public string Node { get; }
}

/// <summary>
/// A node with no layer (<c>TorchSharp.Modules.Identity</c>): it passes its input to its operations, for shortcuts
/// such as <c>[From(Node.Input), Identity, Upsample(2)] public partial Identity Skip { get; }</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class IdentityAttribute : LayerAttribute
{
}

/// <summary>
/// A merge: combines the value at this point with another node's output. The other node must come earlier; its output
/// is what it ends with.
/// </summary>
public abstract class MergeAttribute : OperationAttribute
{
    /// <summary>Merges with <paramref name="node"/>'s output.</summary>
    protected MergeAttribute(string node) => Node = node;

    /// <summary>The node merged with (<c>nameof(Skip)</c>, or <see cref="GanGen.Node.Input"/>).</summary>
    public string Node { get; }
}

/// <summary>
/// A residual sum: <c>other + Scale · x</c>, where x is the value at this point and other the named node's output
/// (equal shapes). <c>Scale</c> scales the residual branch, e.g. 0.2 as ESRGAN's residual scaling (Wang et al. 2018).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class AddAttribute : MergeAttribute
{
    /// <summary>Adds this point's value to <paramref name="node"/>'s output.</summary>
    public AddAttribute(string node) : base(node)
    {
    }

    /// <summary>The factor on this point's value; default 1.</summary>
    [Accepts(double.NegativeInfinity)]
    [Usually(0, 10, Reason = "residual branches are scaled down (0.1–1), not up; a negative scale subtracts the branch")]
    public double Scale { get; set; } = 1.0;
}

/// <summary>
/// Concatenation along channels (features): <c>[x, other]</c>, as U-Net's skip connections (Ronneberger et al. 2015,
/// pix2pix's generator). Every dimension but the first must agree.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class ConcatAttribute : MergeAttribute
{
    /// <summary>Appends <paramref name="node"/>'s output after this point's channels.</summary>
    public ConcatAttribute(string node) : base(node)
    {
    }
}

/// <summary>
/// Elementwise product <c>x · other</c> (gating). The shapes must be equal or broadcast: a [C, 1, 1] gate scales
/// channels, a [1, H, W] one positions.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class MultiplyAttribute : MergeAttribute
{
    /// <summary>Multiplies this point's value by <paramref name="node"/>'s output.</summary>
    public MultiplyAttribute(string node) : base(node)
    {
    }
}
