using System.IO;

namespace GanGen.Examples.Models;

/// <summary>
/// Where Fashion-MNIST's IDX files are in a folder, under the names the dataset ships with and Debian's
/// dataset-fashion-mnist installs: <c>{split}-images-idx3-ubyte</c> and <c>{split}-labels-idx1-ubyte</c> for the
/// splits <c>train</c> and <c>t10k</c>, gzip-compressed (<c>.gz</c>) or plain.
/// </summary>
public static class FashionMnistFiles
{
    /// <summary>The training split's prefix.</summary>
    public const string Train = "train";

    /// <summary>The test split's prefix.</summary>
    public const string Test = "t10k";

    /// <summary>The images file name without the split and without .gz.</summary>
    public const string Images = "images-idx3-ubyte";

    /// <summary>The labels file name without the split and without .gz.</summary>
    public const string Labels = "labels-idx1-ubyte";

    /// <summary>The file name of <paramref name="kind"/> (<see cref="Images"/> or <see cref="Labels"/>) of a split, e.g. "train-labels-idx1-ubyte".</summary>
    public static string Name(string split, string kind) => $"{split}-{kind}";

    /// <summary>The split's file of <paramref name="kind"/> in <paramref name="folder"/>, gzip-compressed first, or null.</summary>
    public static string? Find(string folder, string split, string kind)
    {
        foreach (string name in new[] { Name(split, kind) + ".gz", Name(split, kind) })
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>The split of an images or labels file name ("train" for "train-images-idx3-ubyte.gz").</summary>
    public static string SplitOf(string path)
    {
        string name = Path.GetFileName(path);
        return name[..name.IndexOf('-')];
    }
}
