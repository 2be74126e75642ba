using System;
using System.Collections.Generic;
using GanGen.Runtime.Training;

namespace GanGen.Tests.Training;

/// <summary>Keeps a run's events for assertions, and can act on a logged step (cancel, start a second run, …).</summary>
internal sealed class RecordingObserver : ITrainingObserver
{
    private readonly Action<GanStepMetrics>? _onLogged;

    public RecordingObserver(Action<GanStepMetrics>? onLogged = null) => _onLogged = onLogged;

    public List<GanStepMetrics> Logs { get; } = new();

    public List<long> Checkpoints { get; } = new();

    public ResumeReport? Resume { get; private set; }

    public void Started(long fromStep, long totalSteps)
    {
    }

    public void Resumed(ResumeReport report) => Resume = report;

    public void Logged(GanStepMetrics metrics, double stepsPerSecond)
    {
        Logs.Add(metrics);
        _onLogged?.Invoke(metrics);
    }

    public void SamplesWritten(long step, string path)
    {
    }

    public void Evaluated(long step, string report, double score, bool best)
    {
    }

    public void CheckpointWritten(long step, string path) => Checkpoints.Add(step);
}
