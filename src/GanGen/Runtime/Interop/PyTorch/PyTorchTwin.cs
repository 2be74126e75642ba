using System;
using System.Collections.Generic;
using System.IO;
using GanGen.Runtime.Checkpoints;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop.PyTorch;

/// <summary>
/// Writes the PyTorch twin of a GAN: the generated <c>model.py</c> beside the files every twin shares
/// (<c>gangen_twin.py</c>, <c>train.py</c>, a README), and datasets its <c>train.py</c> reads.
/// </summary>
public static class PyTorchTwin
{
    /// <summary>The twin's module generated from the declaration.</summary>
    public const string ModelFile = "model.py";

    /// <summary>The weights file written beside the twin.</summary>
    public const string WeightsFile = "weights.safetensors";

    // Shipped inside GanGen.dll as embedded resources (GanGen.csproj), so the package needs no content files.
    private static readonly string[] SharedFiles = { "gangen_twin.py", "train.py", "README.md" };

    /// <summary>Creates <paramref name="folder"/> if needed and writes <c>model.py</c> (from <paramref name="model"/>) and the shared files.</summary>
    public static void Write(string folder, string model)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(model);
        Directory.CreateDirectory(folder);
        WriteText(Path.Combine(folder, ModelFile), model);
        WriteText(Path.Combine(folder, "__init__.py"), "");
        foreach (string name in SharedFiles) WriteText(Path.Combine(folder, name), Shared(name));
    }

    /// <summary>The text of a file every twin shares (<c>gangen_twin.py</c>, <c>train.py</c>, <c>README.md</c>).</summary>
    public static string Shared(string name)
    {
        using var stream = typeof(PyTorchTwin).Assembly.GetManifestResourceStream("GanGen.PyTorch." + name)
            ?? throw new ArgumentException($"'{name}' is not one of the twin's shared files ({string.Join(", ", SharedFiles)}).", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Writes a training set for the twin's <c>train.py</c>: <c>data</c> [M, …sample shape] and, when given, int64
    /// <c>labels</c> [M] and <c>sources</c> [M, …] as a safetensors file.
    /// </summary>
    public static void WriteDataset(string path, Tensor data, Tensor? labels = null, Tensor? sources = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["data"] = data };
        if (labels is not null) tensors["labels"] = labels;
        if (sources is not null) tensors["sources"] = sources;
        foreach (var (name, tensor) in tensors)
        {
            if (tensor.size(0) != data.size(0))
                throw new ArgumentException($"'{name}' has {tensor.size(0)} rows but 'data' has {data.size(0)}; every row is one sample.", name);
        }
        SafeTensors.Write(path, tensors, new Dictionary<string, string> { ["gangen.dataset"] = "1" });
    }

    private static void WriteText(string path, string text) => AtomicFile.Write(path, stream =>
    {
        var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        stream.Write(bytes);
    });
}
