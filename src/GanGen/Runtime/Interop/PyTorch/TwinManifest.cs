using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Runtime.Checkpoints;

namespace GanGen.Runtime.Interop.PyTorch;

/// <summary>
/// <c>.gangen-twin</c> in a twin's folder: the names of the files <see cref="PyTorchTwin.Write"/> wrote there. A
/// later write may replace exactly those; a file of one of the twin's names that the manifest does not list is the
/// user's (their own <c>README.md</c>, a <c>model.py</c> of another project) and the write is refused before any
/// file changes.
/// </summary>
internal static class TwinManifest
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = ".gangen-twin";

    private const string Header = "# Files GanGen's WritePyTorchTwin wrote in this folder; it rewrites these and no other file.";

    /// <summary>
    /// Refuses <paramref name="folder"/> (a <see cref="GanInputException"/>) if it holds one of
    /// <paramref name="names"/> that its manifest does not list; changes nothing.
    /// </summary>
    public static void RequireWritable(string folder, IReadOnlyCollection<string> names)
    {
        var recorded = Recorded(folder);
        foreach (string name in names)
        {
            string path = Path.Combine(folder, name);
            if (!File.Exists(path) && !Directory.Exists(path)) continue;
            if (recorded.Contains(name) && File.Exists(path)) continue;
            string why = recorded.Count == 0 ? $"and the folder has no {FileName} listing the files a twin export wrote" : $"which {FileName} does not list";
            throw new GanInputException(folder, $"holds '{name}', which WritePyTorchTwin did not write ({why}); nothing was written: move that file or write the twin into a new folder");
        }
    }

    /// <summary>Records <paramref name="names"/> as written by the twin (before they are written, so a kill in between leaves them rewritable).</summary>
    public static void Record(string folder, IEnumerable<string> names)
    {
        string text = Header + "\n" + string.Join("\n", names.Order(StringComparer.Ordinal)) + "\n";
        AtomicFile.Write(Path.Combine(folder, FileName), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private static HashSet<string> Recorded(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return new HashSet<string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        // A file of this name without the header is not GanGen's manifest: it vouches for nothing.
        if (lines.Length == 0 || lines[0] != Header) throw new GanInputException(folder, $"holds '{FileName}', which WritePyTorchTwin did not write; move it or write the twin into a new folder");
        return lines.Skip(1).Where(line => line.Length > 0).ToHashSet(StringComparer.Ordinal);
    }
}
