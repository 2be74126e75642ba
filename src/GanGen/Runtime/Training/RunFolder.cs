using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GanGen.Runtime.Checkpoints;

namespace GanGen.Runtime.Training;

/// <summary>
/// A run's output folder, held for the run: an OS lock on a lock file (opened with <see cref="FileShare.None"/>, an
/// flock on Linux, released by the OS even when the process is killed) keeps a second run out, and the folder is
/// checked against the requested <see cref="RunStart"/> under that lock before anything in it changes.
/// </summary>
internal sealed class RunFolder : IDisposable
{
    /// <summary>The lock file; it stays in the folder (deleting a lock file races with the next run's open).</summary>
    public const string LockFile = ".gangen-run.lock";
    public const string Metrics = "metrics.csv";
    public const string BestScore = "best.txt";
    public const string Samples = "samples";
    public const string TensorBoard = "tensorboard";

    private readonly FileStream _lock;

    private RunFolder(string path, FileStream lockStream)
    {
        Path = path;
        _lock = lockStream;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Temporary files of killed writers that <see cref="Open"/> removed.</summary>
    public IReadOnlyList<string> RemovedTemporaryFiles { get; private init; } = Array.Empty<string>();

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Throws <see cref="RunFolderException"/> if a run with <paramref name="start"/> may not use <paramref name="folder"/>; changes nothing.</summary>
    public static void Check(string folder, RunStart start)
    {
        string full = System.IO.Path.GetFullPath(folder);
        var files = RunFiles(full);
        string found = Describe(files);
        switch (start)
        {
            case RunStart.Resume when !System.IO.File.Exists(System.IO.Path.Combine(full, TrainingRun.LastCheckpoint)):
                throw new RunFolderException(full, RunFolderProblem.NothingToResume, found,
                    $"'{full}' has no {TrainingRun.LastCheckpoint} to resume from{(files.Count > 0 ? $" (it holds {found})" : "")}; start a new run instead.");
            case RunStart.New when files.Count > 0:
                throw new RunFolderException(full, RunFolderProblem.HoldsAnotherRun, found,
                    $"'{full}' already holds a training run ({found}); resume it, overwrite it, or choose another output folder.");
        }
    }

    /// <summary>
    /// Creates and locks <paramref name="folder"/>, checks it for <paramref name="start"/>, removes temporary files of
    /// killed writers and, for <see cref="RunStart.Overwrite"/>, the previous run's files.
    /// </summary>
    public static RunFolder Open(string folder, RunStart start)
    {
        string full = System.IO.Path.GetFullPath(folder);
        Check(full, start); // before creating anything, and again under the lock
        Directory.CreateDirectory(full);
        var lockStream = Lock(full);
        try
        {
            Check(full, start);
            var removed = new List<string>(AtomicFile.RemoveStaleTemporaryFiles(full));
            removed.AddRange(AtomicFile.RemoveStaleTemporaryFiles(System.IO.Path.Combine(full, Samples)));
            if (start == RunStart.Overwrite)
            {
                foreach (var file in RunFiles(full)) System.IO.File.Delete(file);
            }
            Directory.CreateDirectory(System.IO.Path.Combine(full, Samples));
            return new RunFolder(full, lockStream) { RemovedTemporaryFiles = removed };
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    public void Dispose() => _lock.Dispose();

    private static FileStream Lock(string folder)
    {
        string path = System.IO.Path.Combine(folder, LockFile);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new RunFolderException(folder, RunFolderProblem.InUse, string.Empty,
                $"'{folder}' is in use by another training run (it holds the lock on {LockFile}); wait for that run to finish or choose another output folder.");
        }
        // For people: `cat` shows who holds it (the lock is advisory, so reading is not blocked outside .NET).
        stream.SetLength(0);
        stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}\n")));
        stream.Flush();
        return stream;
    }

    /// <summary>The files a run writes that are present: checkpoints, best score, metrics, sample grids, TensorBoard events.</summary>
    private static List<string> RunFiles(string folder)
    {
        var files = new List<string>();
        if (!Directory.Exists(folder)) return files;
        foreach (var name in new[] { TrainingRun.LastCheckpoint, TrainingRun.BestCheckpoint, BestScore, Metrics })
        {
            string path = System.IO.Path.Combine(folder, name);
            if (System.IO.File.Exists(path)) files.Add(path);
        }
        string samples = System.IO.Path.Combine(folder, Samples);
        if (Directory.Exists(samples)) files.AddRange(Directory.GetFiles(samples, "step-*.png"));
        string board = System.IO.Path.Combine(folder, TensorBoard);
        if (Directory.Exists(board)) files.AddRange(Directory.GetFiles(board, "events.out.tfevents.*", SearchOption.AllDirectories));
        return files;
    }

    private static string Describe(List<string> files)
    {
        var names = new List<string>();
        int grids = 0, events = 0;
        foreach (var file in files)
        {
            string name = System.IO.Path.GetFileName(file);
            if (name.StartsWith("step-", StringComparison.Ordinal)) grids++;
            else if (name.StartsWith("events.out.tfevents.", StringComparison.Ordinal)) events++;
            else names.Add(name);
        }
        if (grids > 0) names.Add(grids == 1 ? "1 sample grid" : $"{grids} sample grids");
        if (events > 0) names.Add("TensorBoard events");
        return string.Join(", ", names);
    }
}
