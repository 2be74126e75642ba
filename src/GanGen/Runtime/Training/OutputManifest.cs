using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using GanGen.Runtime.Checkpoints;

namespace GanGen.Runtime.Training;

/// <summary>
/// The list of files a program wrote into its output folder: <see cref="OutputFolder.ManifestFile"/>, one relative
/// path per line ('/' between folders, UTF-8), rewritten atomically. Entries are checked when read: a path that could
/// reach outside the folder (absolute, '..', a symbolic link on the way) was not written by GanGen, so the manifest was
/// edited, and nothing it lists is trusted for deletion.
/// </summary>
internal static class OutputManifest
{
    /// <summary>The entries of <paramref name="folder"/>'s manifest (empty when there is none).</summary>
    /// <exception cref="GanInputException">The manifest is not a regular file or lists a path that is not inside the folder.</exception>
    public static List<string> Read(string folder)
    {
        string path = Path.Combine(folder, OutputFolder.ManifestFile);
        var entries = new List<string>();
        var info = new FileInfo(path);
        if (info.LinkTarget is null && !info.Exists)
        {
            if (Directory.Exists(path)) throw new GanInputException(path, "is a folder, but GanGen keeps the list of a run's outputs in a file of that name; remove or rename it.");
            return entries;
        }
        if (info.LinkTarget is not null)
            throw new GanInputException(path, "is a symbolic link; GanGen writes its list of outputs as a plain file, so it trusts no link: remove it.");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GanInputException(path, $"cannot be read ({e.Message}); without it GanGen cannot tell its outputs from other files.", e);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            string entry = lines[i];
            if (entry.Length == 0) continue;
            if (Problem(folder, entry) is { } problem)
                throw new GanInputException(path, $"line {i + 1} lists '{entry}', which {problem}; GanGen lists only files it wrote inside the folder, so the list was edited: remove that line (or the file, and the outputs it lists by hand).");
            if (seen.Add(entry)) entries.Add(entry);
        }
        return entries;
    }

    /// <summary>Writes the manifest through a temporary file renamed over the old one.</summary>
    public static void Write(string folder, IEnumerable<string> entries)
    {
        var text = new StringBuilder();
        foreach (string entry in entries) text.Append(entry).Append('\n');
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
        AtomicFile.Write(Path.Combine(folder, OutputFolder.ManifestFile), stream => stream.Write(bytes));
    }

    /// <summary>
    /// Why <paramref name="entry"/> is not a plain relative path inside <paramref name="folder"/> that GanGen could
    /// have written, or null when it is one: not empty, not rooted, no '.', '..' or empty segment, no '\' or control
    /// character, and no symbolic link on the way from the folder to the file (the file included).
    /// </summary>
    public static string? Problem(string folder, string entry)
    {
        if (entry.Length == 0) return "is empty";
        if (Path.IsPathRooted(entry) || entry.StartsWith('/')) return "is an absolute path";
        foreach (char c in entry)
        {
            if (c == '\\') return "holds a backslash";
            if (char.IsControl(c)) return "holds a control character";
        }
        string current = folder;
        foreach (string segment in entry.Split('/'))
        {
            if (segment is "" or "." or "..") return segment == ".." ? "leads out of the folder ('..')" : "has an empty or '.' segment";
            current = Path.Combine(current, segment);
            if (new FileInfo(current).LinkTarget is not null) return $"passes through the symbolic link '{Path.GetRelativePath(folder, current)}'";
        }
        return null;
    }
}
