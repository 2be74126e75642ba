using System.Diagnostics;
using GanGen.Examples.Models.ModeCollapse;

namespace GanGen.Examples.ModeCollapse;

/// <summary>One training run of the table: a row on a dataset with a seed, timed, as a result line.</summary>
internal static class ToyRun
{
    public static RunResult Train(Contender row, string dataset, long seed, int steps, int batchSize, out float[] samples)
    {
        var clock = Stopwatch.StartNew();
        var result = row.Train(dataset, seed, steps, batchSize);
        samples = result.Samples;
        var coverage = result.Coverage;
        return new RunResult(row.Key, dataset, seed, steps, batchSize, coverage.ModesCovered, coverage.ModeCount, coverage.HighQualityShare,
            clock.Elapsed.TotalSeconds, result.DivergedAt);
    }

    /// <summary>Real points for the pictures, [x0, y0, …].</summary>
    public static float[] RealSamples(string dataset)
    {
        using var data = MixtureRun.Data(dataset, seed: 0);
        using var real = data.Sample(MixtureRun.MeasuredSamples);
        using var host = real.contiguous();
        return host.data<float>().ToArray();
    }
}
