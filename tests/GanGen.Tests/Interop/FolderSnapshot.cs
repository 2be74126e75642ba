using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace GanGen.Tests.Interop;

/// <summary>
/// The SHA-256 of every file under a folder, to prove a refused command or call changed nothing: every file that
/// existed before is byte-identical afterwards (new files are reported separately).
/// </summary>
public sealed class FolderSnapshot
{
    private readonly string _folder;
    private readonly Dictionary<string, string> _hashes;

    private FolderSnapshot(string folder, Dictionary<string, string> hashes)
    {
        _folder = folder;
        _hashes = hashes;
    }

    /// <summary>Hashes every file under <paramref name="folder"/> now.</summary>
    public static FolderSnapshot Take(string folder) => new(folder, Hash(folder));

    /// <summary>Asserts that every file hashed before still exists with the same bytes, and that none was added.</summary>
    public void AssertUnchanged(string context)
    {
        var now = Hash(_folder);
        foreach (var (file, hash) in _hashes)
        {
            Assert.True(now.TryGetValue(file, out var after), $"{context}: '{file}' was deleted");
            Assert.True(after == hash, $"{context}: '{file}' was changed");
        }
        var added = now.Keys.Except(_hashes.Keys).ToArray();
        Assert.True(added.Length == 0, $"{context}: wrote {string.Join(", ", added)}");
    }

    private static Dictionary<string, string> Hash(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(file => Path.GetRelativePath(folder, file), file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))), StringComparer.Ordinal);
}
