using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop;

/// <summary>The tensors (on the CPU) and metadata read from one safetensors file; disposing it frees the tensors.</summary>
public sealed class SafeTensorsFile : IDisposable
{
    private readonly Dictionary<string, Tensor> tensors = new(StringComparer.Ordinal);
    private readonly List<string> names = new();

    internal SafeTensorsFile(string path, IReadOnlyDictionary<string, string> metadata)
    {
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
