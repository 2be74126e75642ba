using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace GanGen.Runtime.Checkpoints;

/// <summary>Writes a file so that readers see either the old content or the complete new content, never a torn one.</summary>
public static class AtomicFile
{
    private const string TemporarySuffix = ".tmp";

    /// <summary>
    /// Writes through a temporary file <c>.&lt;name&gt;.&lt;pid&gt;.tmp</c> in the same folder, flushes it to disk,
    /// then renames it over <paramref name="path"/>. A process killed mid-write leaves only that temporary file,
    /// which <see cref="RemoveStaleTemporaryFiles"/> removes later.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.{Environment.ProcessId}{TemporarySuffix}"));
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true); // rename(2): atomic within one file system
        }
        catch
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temporary files that <see cref="Write"/> calls of processes that no longer run left in
    /// <paramref name="folder"/> (killed mid-write); returns their names. Files of running processes are kept.
    /// </summary>
    public static IReadOnlyList<string> RemoveStaleTemporaryFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var removed = new List<string>();
        if (!Directory.Exists(folder)) return removed;
        foreach (var file in Directory.EnumerateFiles(folder, "." + "*" + TemporarySuffix))
        {
            if (WriterProcess(Path.GetFileName(file)) is not { } pid || IsRunning(pid)) continue;
            File.Delete(file);
            removed.Add(Path.GetFileName(file));
        }
        return removed;
    }

    /// <summary>
    /// The name of the file that <paramref name="temporaryName"/> (".name.pid.tmp") was being written to, or null when
    /// <see cref="Write"/> did not make that name; <paramref name="stale"/> says whether its writer no longer runs.
    /// </summary>
    internal static string? TemporaryFileTarget(string temporaryName, out bool stale)
    {
        stale = false;
        if (!temporaryName.StartsWith('.') || !temporaryName.EndsWith(TemporarySuffix, StringComparison.Ordinal) || WriterProcess(temporaryName) is not { } pid) return null;
        string stem = temporaryName[1..^TemporarySuffix.Length];
        stale = !IsRunning(pid);
        return stem[..stem.LastIndexOf('.')];
    }

    /// <summary>The process id in ".name.pid.tmp", or null for a name <see cref="Write"/> did not make.</summary>
    private static int? WriterProcess(string name)
    {
        string stem = name[..^TemporarySuffix.Length];
        int dot = stem.LastIndexOf('.');
        return dot > 1 && int.TryParse(stem.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
