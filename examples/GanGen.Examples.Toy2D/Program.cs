using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Examples.Toy2D;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

return ExampleOptions.CreateCommand(Run).Parse(args).Invoke();

static int Run(ExampleOptions options)
{
    if (options.Threads > 0) set_num_threads(options.Threads);
    Directory.CreateDirectory(options.Output);
    using var data = options.Dataset == "grid" ? GaussianMixture2D.Grid(seed: options.Seed) : GaussianMixture2D.Ring(seed: options.Seed);
    using var gan = new RingGan(seed: options.Seed);
    Console.WriteLine(RingGan.Summary());
    Console.WriteLine($"GanGen 2-D example: {data.Name}, {RingGan.Declaration.Loss}, n_critic {RingGan.Declaration.CriticSteps}, {options.Steps} steps of {options.BatchSize}");

    var steps = new List<double>();
    var lossD = new List<double>();
    var lossG = new List<double>();
    var realScore = new List<double>();
    var fakeScore = new List<double>();
    int curveEvery = Math.Max(1, options.Steps / 200);
    var clock = Stopwatch.StartNew();
    for (int step = 1; step <= options.Steps; step++)
    {
        gan.DecayLearningRatesLinearly(options.Steps);
        using (var batch = data.Sample(options.BatchSize)) gan.Step(batch);
        if (step % curveEvery == 0 || step == options.Steps)
        {
            // Reading metrics syncs with the device, so it happens every curveEvery steps, not every step.
            var metrics = gan.ReadMetrics();
            steps.Add(step);
            lossD.Add(metrics.DiscriminatorLoss);
            lossG.Add(metrics.GeneratorLoss);
            realScore.Add(metrics.RealScore);
            fakeScore.Add(metrics.FakeScore);
            if (!metrics.IsFinite)
            {
                Console.Error.WriteLine($"error: training diverged at step {step}: {metrics}");
                return 1;
            }
        }
        if (step % options.LogEvery == 0 || step == options.Steps)
        {
            using var probe = gan.Sample(2500);
            double rate = step / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"step {step,6} | loss D {lossD[^1],8:F4} | loss G {lossG[^1],8:F4} | D(x) {realScore[^1],7:F3} | D(G(z)) {fakeScore[^1],7:F3} | {data.Measure(probe).ModesCovered}/{data.ModeCount} modes | {rate:F0} steps/s");
        }
    }

    using var generated = gan.Sample(2500);
    using var real = data.Sample(2500);
    var coverage = data.Measure(generated);
    string scatter = Path.Combine(options.Output, $"{options.Dataset}-samples.png");
    string curves = Path.Combine(options.Output, $"{options.Dataset}-curves.png");
    Plots.Scatter(scatter, $"{data.Name}: real vs generated after {options.Steps} steps", ToHost(real), ToHost(generated));
    Plots.Curves(curves, steps, lossD, lossG, realScore, fakeScore);
    Console.WriteLine($"Mode coverage: {coverage}");
    Console.WriteLine($"Wrote {scatter} and {curves} in {clock.Elapsed.TotalSeconds:F0} s");
    return 0;
}

static float[] ToHost(Tensor points)
{
    using var host = points.cpu().contiguous();
    return host.data<float>().ToArray();
}
