using System;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop;

/// <summary>Copies named tensors into a module's parameters and buffers, all or nothing.</summary>
public static class StateDictLoader
{
    /// <summary>
    /// Checks every name, shape and dtype of <paramref name="tensors"/> against <paramref name="module"/>'s
    /// <c>state_dict()</c> first, then copies in place with <c>copy_</c> under <c>no_grad</c>, so optimisers and views
    /// holding the existing parameters stay attached and a mismatch leaves the module untouched.
    /// </summary>
    /// <param name="module">The module to fill.</param>
    /// <param name="tensors">Tensors by state-dict name; they may live on another device than the module.</param>
    /// <param name="source">Names the tensors' origin (usually a file path) in the error.</param>
    /// <exception cref="InvalidDataException">One message listing every missing, unexpected, wrongly shaped or wrongly typed tensor.</exception>
    public static void CopyInto(nn.Module module, IReadOnlyDictionary<string, Tensor> tensors, string source)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(tensors);
        var state = module.state_dict();
        var problems = new List<string>();
        var expected = new List<string>(state.Keys);
        expected.Sort(StringComparer.Ordinal);
        foreach (string name in expected)
        {
            var target = state[name];
            if (!tensors.TryGetValue(name, out var tensor))
                problems.Add($"missing tensor '{name}' ({Describe(target)})");
            else if (tensor.dtype != target.dtype)
                problems.Add($"tensor '{name}' has dtype {tensor.dtype} in the file but {target.dtype} in the module");
            else if (!tensor.shape.AsSpan().SequenceEqual(target.shape))
                problems.Add($"tensor '{name}' has shape {Shape(tensor)} in the file but {Shape(target)} in the module");
        }
        var unexpected = new List<string>();
        foreach (string name in tensors.Keys)
            if (!state.ContainsKey(name)) unexpected.Add(name);
        unexpected.Sort(StringComparer.Ordinal);
        foreach (string name in unexpected) problems.Add($"unexpected tensor '{name}' ({Describe(tensors[name])}), which the module does not have");

        if (problems.Count > 0)
            throw new InvalidDataException($"'{source}' does not fit the module:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");

        using var noGrad = no_grad();
        foreach (string name in expected) state[name].copy_(tensors[name]);
    }

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";

    private static string Describe(Tensor tensor) => $"{tensor.dtype} {Shape(tensor)}";
}
