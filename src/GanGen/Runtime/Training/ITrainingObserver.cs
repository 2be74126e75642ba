namespace GanGen.Runtime.Training;

/// <summary>Receives a training run's events (a console progress bar, a log).</summary>
public interface ITrainingObserver
{
    /// <summary>The run starts at <paramref name="fromStep"/> (0, or the resumed step) of <paramref name="totalSteps"/>.</summary>
    void Started(long fromStep, long totalSteps);

    /// <summary>The run resumed from a checkpoint: what it kept from it and what the options overrode.</summary>
    void Resumed(ResumeReport report)
    {
    }

    /// <summary>Metrics averaged since the previous log, and the recent throughput.</summary>
    void Logged(GanStepMetrics metrics, double stepsPerSecond);

    /// <summary>A sample grid was written.</summary>
    void SamplesWritten(long step, string path);

    /// <summary>A quality evaluation finished; <paramref name="best"/> when it improved on every earlier one.</summary>
    void Evaluated(long step, string report, double score, bool best);

    /// <summary>A checkpoint was written.</summary>
    void CheckpointWritten(long step, string path);
}
