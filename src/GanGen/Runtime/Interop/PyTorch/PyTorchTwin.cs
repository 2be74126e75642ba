using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    /// <summary>The package marker written beside <c>model.py</c>.</summary>
    public const string PackageFile = "__init__.py";

    // Shipped inside GanGen.dll as embedded resources (GanGen.csproj), so the package needs no content files.
    private static readonly string[] SharedFiles = { "gangen_twin.py", "train.py", "twin_input.py", "README.md" };

    /// <summary>Every file a twin export writes into its folder (the weights by the trainer's SaveWeights), beside its manifest.</summary>
    public static IReadOnlyList<string> OwnFiles { get; } = new[] { ModelFile, PackageFile, WeightsFile }.Concat(SharedFiles).ToArray();

    /// <summary>
    /// Creates <paramref name="folder"/> if needed and writes <c>model.py</c> (from <paramref name="model"/>) and the
    /// shared files, recording them in the folder's <c>.gangen-twin</c> manifest. It writes no other file and
    /// refuses, before writing anything, a folder holding a file of one of its names that an earlier twin export
    /// did not write (a re-export into the same twin folder rewrites the twin's files).
    /// </summary>
    /// <exception cref="GanInputException">An argument is empty, the folder is a file, or it holds a file of the twin's names that is not the twin's.</exception>
    public static void Write(string folder, string model)
    {
        InteropArguments.RequireFolderPath(folder, nameof(folder));
        if (string.IsNullOrEmpty(model)) throw new GanInputException(nameof(model), "is empty; pass the generated model.py source");
        TwinManifest.RequireWritable(folder, OwnFiles);
        Directory.CreateDirectory(folder);
        TwinManifest.Record(folder, OwnFiles);
        WriteText(Path.Combine(folder, ModelFile), model);
        WriteText(Path.Combine(folder, PackageFile), "");
        foreach (string name in SharedFiles) WriteText(Path.Combine(folder, name), Shared(name));
    }

    /// <summary>The text of a file every twin shares (<c>gangen_twin.py</c>, <c>train.py</c>, <c>twin_input.py</c>, <c>README.md</c>).</summary>
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
    /// <exception cref="GanInputException">
    /// The path is empty or a folder, <paramref name="data"/> is missing or has no rows, the labels are not int64 [M],
    /// a tensor's rows differ from the data's, or a value is NaN or ±∞ (nothing is written).
    /// </exception>
    public static void WriteDataset(string path, Tensor data, Tensor? labels = null, Tensor? sources = null)
    {
        InteropArguments.RequireFilePath(path, nameof(path));
        if (data is null) throw new GanInputException(nameof(data), "is null; pass the samples [M, …sample shape]");
        if (data.dim() == 0 || data.size(0) == 0) throw new GanInputException(nameof(data), $"has shape [{string.Join(", ", data.shape)}]: no samples; a dataset needs at least one row");
        if (labels is not null && (labels.dtype != ScalarType.Int64 || labels.dim() != 1))
            throw new GanInputException(nameof(labels), $"is {labels.dtype} [{string.Join(", ", labels.shape)}]; labels are int64 [M], one class per sample");
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["data"] = data };
        if (labels is not null) tensors["labels"] = labels;
        if (sources is not null) tensors["sources"] = sources;
        foreach (var (name, tensor) in tensors)
        {
            if (tensor.dim() == 0 || tensor.size(0) != data.size(0))
                throw new GanInputException(name, $"has {(tensor.dim() == 0 ? 0 : tensor.size(0))} rows but 'data' has {data.size(0)}; every row is one sample");
        }
        SafeTensors.Write(path, tensors, new Dictionary<string, string> { ["gangen.dataset"] = "1" });
    }

    private static void WriteText(string path, string text) => AtomicFile.Write(path, stream =>
    {
        var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        stream.Write(bytes);
    });
}
