using System;
using GanGen.Runtime.Training;
using Spectre.Console;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// Progress on the console: a live bar with steps/s, ETA, losses and D scores on an interactive terminal; plain
/// lines when output is redirected or in CI (a progress bar there only fills logs with control codes).
/// </summary>
internal sealed class ConsoleProgress : ITrainingObserver
{
    private readonly ProgressTask? _task;
    private long _total;

    private ConsoleProgress(ProgressTask? task) => _task = task;

    public static bool IsInteractive =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Runs <paramref name="run"/> with a live progress bar when interactive, with plain lines otherwise.</summary>
    public static void Show(string title, Action<ITrainingObserver> run)
    {
        if (!IsInteractive)
        {
            run(new ConsoleProgress(null));
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => run(new ConsoleProgress(context.AddTask(Markup.Escape(title)))));
    }

    public void Started(long fromStep, long totalSteps)
    {
        _total = totalSteps;
        if (_task is null) Console.WriteLine(fromStep > 0 ? $"resuming at step {fromStep} of {totalSteps}" : $"training for {totalSteps} steps");
        else
        {
            _task.MaxValue = totalSteps;
            _task.Value = fromStep;
        }
    }

    /// <summary>Two lines on a resumed run: what came from the checkpoint and what the command line overrode.</summary>
    public void Resumed(ResumeReport report)
    {
        string file = System.IO.Path.GetFileName(report.Checkpoint);
        Print($"resumed from {report.Checkpoint}: step {report.Step}" +
              (report.GeneratorLearningRate is null ? $", --lr-g {report.CheckpointGeneratorLearningRate:G4}" : "") +
              (report.DiscriminatorLearningRate is null ? $", --lr-d {report.CheckpointDiscriminatorLearningRate:G4}" : ""));
        string overridden =
            (report.GeneratorLearningRate is { } g ? $" --lr-g {g:G4} ({file} had {report.CheckpointGeneratorLearningRate:G4})" : "") +
            (report.DiscriminatorLearningRate is { } d ? $" --lr-d {d:G4} ({file} had {report.CheckpointDiscriminatorLearningRate:G4})" : "");
        Print("overridden on the command line:" + (overridden.Length == 0 ? " nothing" : overridden));
    }

    public void Logged(GanStepMetrics metrics, double stepsPerSecond)
    {
        string line = $"step {metrics.Step}/{_total} | {stepsPerSecond:F1} steps/s | loss D {metrics.DiscriminatorLoss:F3} | loss G {metrics.GeneratorLossText("F3")} | D(x) {metrics.RealScore:F2} | D(G(z)) {metrics.FakeScore:F2}";
        if (_task is null) Console.WriteLine(line);
        else
        {
            _task.Value = metrics.Step;
            _task.Description = Markup.Escape(line);
        }
    }

    public void SamplesWritten(long step, string path) => Print($"samples: {path}");

    public void Evaluated(long step, string report, double score, bool best) => Print($"quality at step {step}: {report}{(best ? " (best so far)" : string.Empty)}");

    public void CheckpointWritten(long step, string path) => Print($"checkpoint: {path} (step {step})");

    private void Print(string text)
    {
        if (_task is null) Console.WriteLine(text);
        else AnsiConsole.MarkupLine("[grey]" + Markup.Escape(text) + "[/]");
    }
}
