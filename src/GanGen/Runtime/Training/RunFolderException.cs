using System.IO;

namespace GanGen.Runtime.Training;

/// <summary>What is wrong with a run's output folder.</summary>
public enum RunFolderProblem
{
    /// <summary>The folder holds an earlier run's outputs and the run was neither told to resume nor to overwrite.</summary>
    HoldsAnotherRun,

    /// <summary>The run was told to resume, but the folder has no last checkpoint.</summary>
    NothingToResume,

    /// <summary>Another training run holds the folder's lock.</summary>
    InUse,

    /// <summary>A new run's folder holds files that no run recorded writing there (see <see cref="OutputFolder"/>).</summary>
    HoldsOtherFiles,

    /// <summary>The folder holds a file this run would write, but no earlier run recorded writing it: overwriting would destroy it.</summary>
    WouldReplaceOtherFile,
}

/// <summary>A training run refused its output folder; nothing in the folder was changed.</summary>
public sealed class RunFolderException : IOException
{
    /// <summary>Creates the exception.</summary>
    public RunFolderException(string folder, RunFolderProblem problem, string found, string message)
        : base(message)
    {
        Folder = folder;
        Problem = problem;
        Found = found;
    }

    /// <summary>The output folder (full path).</summary>
    public string Folder { get; }

    /// <summary>Why the folder was refused.</summary>
    public RunFolderProblem Problem { get; }

    /// <summary>The files found there that caused the refusal, e.g. "last.ckpt, metrics.csv, 4 files in samples/" (empty if none).</summary>
    public string Found { get; }

    /// <summary>
    /// Whether the command line must change (every problem but <see cref="RunFolderProblem.InUse"/>, where waiting
    /// for the other run is enough): programs exit with 2 for these and 1 otherwise.
    /// </summary>
    public bool IsUsageError => Problem != RunFolderProblem.InUse;

    /// <summary>
    /// The refusal as one line for a program with an <c>--output</c> option, an <c>--overwrite</c> flag and, when
    /// <paramref name="canResume"/>, a <c>--resume</c> flag: what the folder holds and which option does what.
    /// </summary>
    public string CommandLineMessage(bool canResume = false)
    {
        string resume = canResume ? "pass --resume to continue it, " : "pass ";
        return Problem switch
        {
            RunFolderProblem.HoldsAnotherRun =>
                $"--output '{Folder}' already holds {(canResume ? "a training run" : "an earlier run's outputs")} ({Found}): {resume}--overwrite to replace {(canResume ? "it" : "them")}, or choose another --output folder",
            RunFolderProblem.HoldsOtherFiles =>
                $"--output '{Folder}' holds files this program did not write ({Found}): pass --overwrite to write beside them (they are kept as they are), or choose another --output folder",
            RunFolderProblem.WouldReplaceOtherFile =>
                $"--output '{Folder}' holds {Found}, which this run would write but this program did not write there (it is not listed in {OutputFolder.ManifestFile}); --overwrite replaces only listed files: move it away or choose another --output folder",
            RunFolderProblem.NothingToResume =>
                $"--resume: '{Folder}' has no {TrainingRun.LastCheckpoint} to resume from{(Found.Length > 0 ? $" (it holds {Found})" : "")}; leave out --resume to start a new run (with --overwrite if the folder holds an earlier run's files)",
            _ => Message,
        };
    }
}
