namespace GanGen.Runtime.Training;

/// <summary>
/// How a <see cref="TrainingRun"/> treats its output folder. There is no "resume if possible": a run never decides on
/// its own to continue, replace or add to an earlier run's files.
/// </summary>
public enum RunStart
{
    /// <summary>Start at step 0; refuse a folder that already holds a run's files (checkpoints, metrics, samples).</summary>
    New,

    /// <summary>Continue from the folder's last.ckpt; refuse when there is none.</summary>
    Resume,

    /// <summary>Delete the previous run's files in the folder (and only those), then start at step 0.</summary>
    Overwrite,
}
