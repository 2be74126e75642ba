using System;
using System.Collections.Generic;
using GanGen.Runtime.Interop;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop;

/// <summary>Copies of a weights file whose first values of one tensor are NaN or ±∞: what an export must never write and a load must refuse.</summary>
public static class PoisonedWeights
{
    /// <summary>
    /// Writes <paramref name="source"/>'s tensors and metadata to <paramref name="destination"/> with the first
    /// <paramref name="count"/> values of <paramref name="tensor"/> set to <paramref name="value"/> (written with
    /// <see cref="SafeTensors.WriteBits"/>, which does not refuse them).
    /// </summary>
    public static void Write(string source, string destination, string tensor, int count, float value)
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> metadata;
        using (var file = SafeTensors.Read(source))
        {
            metadata = file.Metadata;
            foreach (var (name, values) in file.Tensors) tensors[name] = values.clone();
        }
        using (var flat = tensors[tensor].view(-1))
        using (var first = flat.narrow(0, 0, count))
            first.fill_(value);
        SafeTensors.WriteBits(destination, tensors, metadata);
        foreach (var values in tensors.Values) values.Dispose();
    }
}
