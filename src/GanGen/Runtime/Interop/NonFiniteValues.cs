using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop;

/// <summary>
/// The finiteness check of every export and load: weights holding NaN or ±∞ are never written (safetensors, ONNX,
/// the PyTorch twin) nor copied into a network. One <see cref="GanInputException"/> names the file, the first
/// non-finite tensor and its counts, before anything is written or changed.
/// </summary>
public static class NonFiniteValues
{
    /// <summary>Refuses <paramref name="tensors"/> if a floating-point one holds NaN or ±∞.</summary>
    /// <param name="tensors">Tensors by name (integer and boolean ones are always finite).</param>
    /// <param name="subject">The file written or read, as the exception's subject.</param>
    /// <param name="action">What happened instead and what to do, e.g. "nothing was written; …".</param>
    public static void Require(IReadOnlyDictionary<string, Tensor> tensors, string subject, string action)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var names = new List<string>(tensors.Keys);
        names.Sort(StringComparer.Ordinal);
        foreach (string name in names)
        {
            var tensor = tensors[name];
            if (tensor is null || !tensor.is_floating_point() || tensor.NumberOfElements == 0) continue;
            using var scope = NewDisposeScope();
            // One float64 sum is finite exactly when every value is (as the trainer's checkpoint check): cheap for the common case.
            if (double.IsFinite(tensor.detach().to_type(ScalarType.Float64).sum().item<double>())) continue;
            long nan = tensor.isnan().sum().item<long>(), infinite = tensor.isinf().sum().item<long>();
            if (nan + infinite == 0) continue; // finite values whose sum overflows float64
            throw Refusal(subject, name, nan, infinite, tensor.NumberOfElements, action);
        }
    }

    /// <summary>Refuses float32 or float64 little-endian <paramref name="bytes"/> (an ONNX initializer) holding NaN or ±∞.</summary>
    public static void Require(ReadOnlySpan<byte> bytes, bool isDouble, string name, string subject, string action)
    {
        long nan = 0, infinite = 0, count;
        if (isDouble)
        {
            var values = MemoryMarshal.Cast<byte, double>(bytes);
            count = values.Length;
            foreach (double value in values) { if (double.IsNaN(value)) nan++; else if (double.IsInfinity(value)) infinite++; }
        }
        else
        {
            var values = MemoryMarshal.Cast<byte, float>(bytes);
            count = values.Length;
            foreach (float value in values) { if (float.IsNaN(value)) nan++; else if (float.IsInfinity(value)) infinite++; }
        }
        if (nan + infinite > 0) throw Refusal(subject, name, nan, infinite, count, action);
    }

    private static GanInputException Refusal(string subject, string name, long nan, long infinite, long count, string action) =>
        new(subject, $"tensor '{name}' holds {nan.ToString("N0", CultureInfo.InvariantCulture)} NaN and {infinite.ToString("N0", CultureInfo.InvariantCulture)} infinite values of {count.ToString("N0", CultureInfo.InvariantCulture)}; {action}");
}
