using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace GanGen.Runtime.Training;

/// <summary>
/// A training run's output folder, held for the run: an OS lock on a lock file (opened with <see cref="FileShare.None"/>,
/// an flock on Linux, released by the OS even when the process is killed) keeps a second run out, and the folder is
/// checked against the requested <see cref="RunStart"/> under that lock before anything in it changes. What the run
/// writes follows <see cref="OutputFolder"/>'s policy: each file is recorded in the manifest before it is written, and
/// overwriting deletes exactly the previous manifest's files.
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
    private readonly OutputFolder _outputs;

    private RunFolder(OutputFolder outputs, FileStream lockStream)
    {
        _outputs = outputs;
        _lock = lockStream;
    }

    /// <summary>The folder's full path.</summary>
    public string Path => _outputs.Path;

    /// <summary>The full path of one of the run's own files (checkpoints, metrics, best score), recorded when the folder opened.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Records the sample grid of <paramref name="step"/> in the manifest and returns its path.</summary>
    public string SampleGrid(long step) => _outputs.Output(string.Create(CultureInfo.InvariantCulture, $"{Samples}/step-{step:D7}.png"));

    /// <summary>Records the TensorBoard event files written so far.</summary>
    public void RecordTensorBoardFiles() => _outputs.RecordFound(TensorBoard);

    /// <summary>Every file a run with <paramref name="options"/> may write, as <see cref="OutputFolder"/> patterns.</summary>
    public static IReadOnlyList<string> Outputs(TrainingRunOptions options) =>
        new[] { Metrics, TrainingRun.LastCheckpoint, TrainingRun.BestCheckpoint, BestScore, Samples + "/step-*.png", TensorBoard + "/**" }
            .Concat(options.OtherOutputs ?? Array.Empty<string>()).ToArray();

    /// <summary>Throws <see cref="RunFolderException"/> if a run with <paramref name="options"/> may not use its folder; changes nothing.</summary>
    public static void Check(TrainingRunOptions options)
    {
        string full = System.IO.Path.GetFullPath(options.OutputFolder);
        if (options.Start == RunStart.Resume && !System.IO.File.Exists(System.IO.Path.Combine(full, TrainingRun.LastCheckpoint)))
        {
            string found = OutputFolder.Contents(full);
            throw new RunFolderException(full, RunFolderProblem.NothingToResume, found,
                $"'{full}' has no {TrainingRun.LastCheckpoint} to resume from{(found.Length > 0 ? $" (it holds {found})" : "")}; start a new run instead.");
        }
        OutputFolder.Check(full, options.Start, Outputs(options));
    }

    /// <summary>
    /// Creates and locks the folder, checks it for the run, removes temporary files of killed writers and, for
    /// <see cref="RunStart.Overwrite"/>, the previous run's files; records the run's fixed files in the manifest.
    /// </summary>
    public static RunFolder Open(TrainingRunOptions options)
    {
        string full = System.IO.Path.GetFullPath(options.OutputFolder);
        Check(options); // before creating anything, and again under the lock
        Directory.CreateDirectory(full);
        var lockStream = Lock(full);
        try
        {
            Check(options);
            var outputs = OutputFolder.Open(full, options.Start, Outputs(options));
            foreach (string name in new[] { Metrics, TrainingRun.LastCheckpoint, TrainingRun.BestCheckpoint, BestScore }.Concat(options.OtherOutputs ?? Array.Empty<string>()))
                outputs.Output(name);
            Directory.CreateDirectory(System.IO.Path.Combine(full, Samples));
            return new RunFolder(outputs, lockStream);
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
}
