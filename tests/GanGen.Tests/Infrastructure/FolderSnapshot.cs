using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace GanGen.Tests.Infrastructure;

/// <summary>
/// Every file below a folder with the SHA-256 of its bytes (symbolic links by their target, never followed), so a
/// test can show that a refused run changed nothing at all.
/// </summary>
internal static class FolderSnapshot
{
    public static SortedDictionary<string, string> Take(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return files;
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                string name = Path.GetRelativePath(folder, entry.FullName).Replace('\\', '/');
                if (entry.LinkTarget is { } target) files[name] = "link → " + target;
                else if (entry is DirectoryInfo) pending.Push(entry.FullName);
                else files[name] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
            }
        }
        return files;
    }

    /// <summary>The differences between two snapshots, one line each ("" when they are equal), for an assertion message.</summary>
    public static string Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join("\n", before.Keys.Union(after.Keys).Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Select(k => $"{k}: {(before.ContainsKey(k) ? "was there" : "is new")}, {(after.ContainsKey(k) ? "is there" : "is gone")}{(before.ContainsKey(k) && after.ContainsKey(k) ? " with other bytes" : "")}"));
}
