using System;

namespace GanGen.Runtime.Interop.Onnx;

/// <summary>
/// A value in an <see cref="OnnxGraphBuilder"/>'s graph: a graph input, an initializer or a node's output. Pass it
/// to the builder's methods to connect nodes; it belongs to the builder that made it.
/// </summary>
public readonly struct OnnxValue : IEquatable<OnnxValue>
{
    internal OnnxValue(OnnxGraphBuilder graph, int id)
    {
        Graph = graph;
        Id = id;
    }

    internal OnnxGraphBuilder? Graph { get; }
    internal int Id { get; }

    /// <summary>The value's name in the written model (an output's name once <see cref="OnnxGraphBuilder.Output"/> renamed it).</summary>
    public string Name => Graph?.NameOf(this) ?? throw new InvalidOperationException("This OnnxValue was not made by an OnnxGraphBuilder.");

    /// <inheritdoc />
    public bool Equals(OnnxValue other) => ReferenceEquals(Graph, other.Graph) && Id == other.Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OnnxValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Graph, Id);

    /// <summary>Whether two handles name the same value of the same graph.</summary>
    public static bool operator ==(OnnxValue left, OnnxValue right) => left.Equals(right);

    /// <summary>Whether two handles differ.</summary>
    public static bool operator !=(OnnxValue left, OnnxValue right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Graph is null ? "(none)" : Name;
}
