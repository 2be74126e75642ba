using System;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;

namespace GanGen.Examples.FashionMnist;

/// <summary>Says what a refused output folder means in terms of this program's options (--resume, --overwrite, --output).</summary>
internal static class RunFolderErrors
{
    /// <summary>Checks the output folder before the slow preparation.</summary>
    public static void Check(TrainingRunOptions run) => Fit(() => TrainingRun.CheckOutputFolder(run));

    /// <summary>Runs <paramref name="fit"/>, rephrasing a refused folder for the command line.</summary>
    public static void Fit(Action fit)
    {
        try
        {
            fit();
        }
        catch (RunFolderException e) when (e.Problem == RunFolderProblem.HoldsAnotherRun)
        {
            throw new UsageException($"--output '{e.Folder}' already holds a training run ({e.Found}): pass --resume to continue it, --overwrite to replace it, or choose another --output folder");
        }
        catch (RunFolderException e) when (e.Problem == RunFolderProblem.NothingToResume)
        {
            string holds = e.Found.Length > 0 ? $" (it holds {e.Found})" : "";
            throw new UsageException($"--resume: '{e.Folder}' has no {TrainingRun.LastCheckpoint} to resume from{holds}; leave out --resume to start a new run (with --overwrite if the folder holds an earlier run's files)");
        }
    }
}
