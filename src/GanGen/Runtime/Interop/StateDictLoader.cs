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
        var state = module.state_dict();
        var problems = Mismatches(state, tensors, "the module");
        if (problems.Count > 0)
            throw new InvalidDataException($"'{source}' does not fit the module:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        CopyChecked(state, tensors, source);
    }

    /// <summary>
    /// Every way <paramref name="tensors"/> differs from <paramref name="targets"/>, one phrase each: targets missing
    /// from it (by name), then tensors of another dtype or shape, then names <paramref name="owner"/> does not have.
    /// Empty when every target has a tensor of its name, dtype and shape and nothing else is there.
    /// </summary>
    /// <param name="targets">What must be filled, by name.</param>
    /// <param name="tensors">What was read, by name.</param>
    /// <param name="owner">How the phrases name the targets' owner, e.g. "the module".</param>
    public static IReadOnlyList<string> Mismatches(IReadOnlyDictionary<string, Tensor> targets, IReadOnlyDictionary<string, Tensor> tensors, string owner)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(tensors);
        var problems = new List<string>();
        var expected = new List<string>(targets.Keys);
        expected.Sort(StringComparer.Ordinal);
        foreach (string name in expected)
        {
            var target = targets[name];
            if (!tensors.TryGetValue(name, out var tensor))
                problems.Add($"missing tensor '{name}' ({Describe(target)})");
            else if (tensor.dtype != target.dtype)
                problems.Add($"tensor '{name}' has dtype {tensor.dtype} in the file but {target.dtype} in {owner}");
            else if (!tensor.shape.AsSpan().SequenceEqual(target.shape))
                problems.Add($"tensor '{name}' has shape {Shape(tensor)} in the file but {Shape(target)} in {owner}");
        }
        var unexpected = new List<string>();
        foreach (string name in tensors.Keys)
            if (!targets.ContainsKey(name)) unexpected.Add(name);
        unexpected.Sort(StringComparer.Ordinal);
        foreach (string name in unexpected) problems.Add($"unexpected tensor '{name}' ({Describe(tensors[name])}), which {owner} does not have");
        return problems;
    }

    /// <summary>
    /// Copies each tensor into its target of the same name in place under <c>no_grad</c> (check <see cref="Mismatches"/>
    /// first), after checking that none holds NaN or ±∞: non-finite weights are refused before anything changes.
    /// </summary>
    /// <exception cref="GanInputException">A tensor holds NaN or ±∞: the file (when the tensors came from <see cref="SafeTensors.Read"/>), the tensor and the counts.</exception>
    public static void Copy(IReadOnlyDictionary<string, Tensor> targets, IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(tensors);
        CopyChecked(targets, tensors, tensors is TensorsOfFile file ? file.Path : "the weights");
    }

    private static void CopyChecked(IReadOnlyDictionary<string, Tensor> targets, IReadOnlyDictionary<string, Tensor> tensors, string source)
    {
        NonFiniteValues.Require(tensors, source, "nothing was loaded: non-finite weights would make every sample NaN");
        using var noGrad = no_grad();
        foreach (var (name, target) in targets) target.copy_(tensors[name]);
    }

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";

    private static string Describe(Tensor tensor) => $"{tensor.dtype} {Shape(tensor)}";
}
