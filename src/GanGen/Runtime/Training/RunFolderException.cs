using System.IO;

namespace GanGen.Runtime.Training;

/// <summary>What is wrong with a run's output folder.</summary>
public enum RunFolderProblem
{
    /// <summary>The folder holds an earlier run's files and the run was neither told to resume nor to overwrite.</summary>
    HoldsAnotherRun,

    /// <summary>The run was told to resume, but the folder has no last checkpoint.</summary>
    NothingToResume,

    /// <summary>Another training run holds the folder's lock.</summary>
    InUse,
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

    /// <summary>The earlier run's files found there, e.g. "last.ckpt, metrics.csv, 4 sample grids" (empty if none).</summary>
    public string Found { get; }
}
