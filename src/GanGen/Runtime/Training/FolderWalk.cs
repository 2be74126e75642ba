using System;
using System.Collections.Generic;
using System.IO;

namespace GanGen.Runtime.Training;

/// <summary>
/// The files below a folder as relative paths ('/' between folders), the folder's own files first, found lazily (a
/// caller that has seen enough stops the walk). Symbolic links are reported as entries, never followed, so a walk
/// stays inside the folder; sub-folders that cannot be read are skipped.
/// </summary>
internal static class FolderWalk
{
    private static readonly EnumerationOptions OneLevel = new() { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };

    /// <summary>Files and links below <paramref name="folder"/>, entering only sub-folders <paramref name="enter"/> accepts.</summary>
    public static IEnumerable<string> Files(string folder, Func<string, bool> enter)
    {
        var pending = new Queue<string>();
        pending.Enqueue("");
        while (pending.Count > 0)
        {
            string relative = pending.Dequeue();
            string current = relative.Length == 0 ? folder : Path.Combine(folder, relative);
            var folders = new List<string>();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(current).EnumerateFileSystemInfos("*", OneLevel);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                string path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entry is DirectoryInfo && entry.LinkTarget is null) folders.Add(path);
                else yield return path;
            }
            foreach (string sub in folders)
            {
                if (enter(sub)) pending.Enqueue(sub);
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is a symbolic link (to a file or a folder).</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;
}
