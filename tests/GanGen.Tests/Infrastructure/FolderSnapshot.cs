using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace GanGen.Tests.Infrastructure;

/// <summary>
/// Every file below a folder with the SHA-256 of its bytes (symbolic links by their target, never followed), so a
/// test can show that a refused run or call changed nothing at all: no file deleted, changed or added.
/// </summary>
public sealed class FolderSnapshot
{
    private readonly string _folder;
    private readonly SortedDictionary<string, string> _files;

    private FolderSnapshot(string folder, SortedDictionary<string, string> files)
    {
        _folder = folder;
        _files = files;
    }

    /// <summary>The files' relative paths ('/'-separated), in order.</summary>
    public IEnumerable<string> Keys => _files.Keys;

    /// <summary>The hash of <paramref name="file"/> (a relative path).</summary>
    public string this[string file] => _files[file];

    /// <summary>Hashes every file under <paramref name="folder"/> now (none when it does not exist).</summary>
    public static FolderSnapshot Take(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        if (Directory.Exists(folder)) pending.Push(folder);
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
        return new FolderSnapshot(folder, files);
    }

    /// <summary>The differences between two snapshots, one line each ("" when they are equal), for an assertion message.</summary>
    public static string Differences(FolderSnapshot before, FolderSnapshot after) =>
        string.Join("\n", before.Keys.Union(after.Keys)
            .Where(k => !before._files.TryGetValue(k, out var b) || !after._files.TryGetValue(k, out var a) || a != b)
            .Select(k => $"{k}: {(before._files.ContainsKey(k) ? "was there" : "is new")}, {(after._files.ContainsKey(k) ? "is there" : "is gone")}"
                + (before._files.ContainsKey(k) && after._files.ContainsKey(k) ? " with other bytes" : "")));

    /// <summary>Asserts that the folder holds exactly the files it held, byte for byte.</summary>
    public void AssertUnchanged(string context)
    {
        string differences = Differences(this, Take(_folder));
        Assert.True(differences.Length == 0, $"{context}: {differences}");
    }
}
