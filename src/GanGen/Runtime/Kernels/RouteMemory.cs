using System;
using System.Collections.Generic;
using System.IO;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// The route each machine signature needs, as a kernel check found it, so that the next process on the machine starts
/// on it: an ISA cap can only be taken before libtorch first uses oneDNN, which is before any check can run. One line
/// per signature in a small tab-separated file; delete the file to check afresh.
/// </summary>
internal sealed class RouteMemory
{
    private const string Header = "# GanGen kernel routes: the route each machine needs, found by its kernel check. Delete this file to check afresh.";

    public RouteMemory(string path) => Path = path;

    public string Path { get; }

    /// <summary>GANGEN_KERNEL_ROUTES, else $XDG_CACHE_HOME/gangen/kernel-routes.tsv, else ~/.cache/gangen/kernel-routes.tsv.</summary>
    public static RouteMemory Default()
    {
        string? path = Environment.GetEnvironmentVariable("GANGEN_KERNEL_ROUTES");
        if (string.IsNullOrWhiteSpace(path))
        {
            string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrWhiteSpace(cache))
                cache = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            path = System.IO.Path.Combine(cache, "gangen", "kernel-routes.tsv");
        }
        return new RouteMemory(path);
    }

    /// <summary>The route remembered for <paramref name="signature"/> and why, or null (also when the file is unreadable).</summary>
    public (string Route, string Evidence)? Recall(string signature)
    {
        try
        {
            if (!File.Exists(Path)) return null;
            foreach (string line in File.ReadAllLines(Path))
            {
                var fields = line.Split('\t');
                if (fields.Length >= 3 && fields[0] == signature) return (fields[1], fields[2]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>Remembers <paramref name="route"/> for <paramref name="signature"/>; false when the file cannot be written (the check still holds for this process).</summary>
    public bool Remember(string signature, string route, string evidence)
    {
        try
        {
            var lines = new List<string> { Header };
            if (File.Exists(Path))
            {
                foreach (string line in File.ReadAllLines(Path))
                {
                    if (line.StartsWith('#') || line.Length == 0 || line.Split('\t')[0] == signature) continue;
                    lines.Add(line);
                }
            }
            lines.Add(string.Join('\t', signature, route, evidence.Replace('\t', ' ').Replace('\n', ' ')));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            // Written beside and renamed over, so a concurrent reader sees the old or the new file, never half of one.
            string temporary = Path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllLines(temporary, lines);
            File.Move(temporary, Path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
