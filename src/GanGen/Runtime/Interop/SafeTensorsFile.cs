using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop;

/// <summary>The tensors (on the CPU) and metadata read from one safetensors file; disposing it frees the tensors.</summary>
public sealed class SafeTensorsFile : IDisposable
{
    private readonly TensorsOfFile tensors;
    private readonly List<string> names = new();

    internal SafeTensorsFile(string path, IReadOnlyDictionary<string, string> metadata)
    {
        tensors = new TensorsOfFile(path);
        Path = path;
        Metadata = metadata;
    }

    /// <summary>The file the tensors came from.</summary>
    public string Path { get; }

    /// <summary>Tensor names in the order the header lists them.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>Tensors by name.</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors => tensors;

    /// <summary>The header's <c>__metadata__</c> strings (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    internal void Add(string name, Tensor tensor)
    {
        tensors.Add(name, tensor);
        names.Add(name);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in tensors.Values) tensor.Dispose();
        tensors.Clear();
        names.Clear();
    }
}

/// <summary>
/// A file's tensors by name, knowing the file: <see cref="StateDictLoader.Copy"/> names it when it refuses
/// non-finite weights, whichever caller passed it the tensors.
/// </summary>
internal sealed class TensorsOfFile : Dictionary<string, Tensor>
{
    public TensorsOfFile(string path) : base(StringComparer.Ordinal) => Path = path;

    public string Path { get; }
}
