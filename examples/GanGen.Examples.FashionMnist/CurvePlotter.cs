using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;

namespace GanGen.Examples.FashionMnist;

/// <summary>Re-plots curves.png (losses and D scores from metrics.csv) whenever a sample grid is written.</summary>
internal sealed class CurvePlotter : ITrainingObserver
{
    /// <summary>The picture it writes into the run folder.</summary>
    public const string FileName = "curves.png";

    private readonly ITrainingObserver _inner;
    private readonly string _folder;

    public CurvePlotter(ITrainingObserver inner, string folder)
    {
        _inner = inner;
        _folder = folder;
    }

    public void Started(long fromStep, long totalSteps) => _inner.Started(fromStep, totalSteps);

    public void Resumed(ResumeReport report) => _inner.Resumed(report);

    public void Logged(GanStepMetrics metrics, double stepsPerSecond) => _inner.Logged(metrics, stepsPerSecond);

    public void SamplesWritten(long step, string path)
    {
        Plots.CurvesFromCsv(Path.Combine(_folder, "metrics.csv"), Path.Combine(_folder, FileName));
        _inner.SamplesWritten(step, path);
    }

    public void Evaluated(long step, string report, double score, bool best) => _inner.Evaluated(step, report, score, best);

    public void CheckpointWritten(long step, string path) => _inner.CheckpointWritten(step, path);
}
