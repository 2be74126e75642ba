using System;
using System.Collections.Generic;
using System.Diagnostics;
using GanGen.Benchmarks.Baselines;
using GanGen.Benchmarks.Declarations;
using GanGen.Runtime.Data;
using GanGen.Examples.Models;
using static TorchSharp.torch;

namespace GanGen.Benchmarks;

/// <summary>
/// `paired`: generated and hand-written steps timed in alternating blocks, so drift on a noisy (virtual) machine
/// hits both sides equally; reports the median per-step time of each and their ratio. A complement to the
/// BenchmarkDotNet runs, which measure one benchmark after the other.
/// </summary>
internal static class PairedRun
{
    public static int Run(int rounds)
    {
        Threads.Configure();
        Ring(rounds);
        Dcgan(Math.Max(5, rounds / 4));
        ResNet(Math.Max(5, rounds / 8));
        return 0;
    }

    private static void Ring(int rounds)
    {
        using var data = GaussianMixture2D.Ring(seed: 1);
        using var batch = data.Sample(256);
        using var generated = new BenchRingGan(seed: 1);
        using var handWritten = new HandWrittenRingGan(seed: 1);
        Report("ring MLP GAN (batch 256)", rounds, 100, () => generated.Step(batch), () => handWritten.TrainStep(batch));
    }

    private static void Dcgan(int rounds)
    {
        manual_seed(1);
        using var batch = rand(64, 1, 28, 28).mul_(2).sub_(1);
        using var generated = new FashionDcgan(seed: 1);
        using var handWritten = new HandWrittenDcgan(seed: 1);
        Report("Fashion-MNIST DCGAN (batch 64)", rounds, 10, () => generated.Step(batch), () => handWritten.TrainStep(batch));
    }

    private static void ResNet(int rounds)
    {
        manual_seed(1);
        using var batch = rand(64, 1, 28, 28).mul_(2).sub_(1);
        using var generated = new FashionResNet(seed: 1);
        using var handWritten = new HandWrittenResNet(seed: 1);
        Report("Fashion-MNIST ResNet GAN, SNGAN layout (batch 64)", rounds, 3, () => generated.Step(batch), () => handWritten.TrainStep(batch));
    }

    private static void Report(string name, int rounds, int stepsPerBlock, Action generated, Func<(float, float)> handWritten)
    {
        for (int i = 0; i < stepsPerBlock * 3; i++)
        {
            generated();
            handWritten();
        }
        var generatedTimes = new List<double>();
        var handWrittenTimes = new List<double>();
        var clock = new Stopwatch();
        for (int round = 0; round < rounds; round++)
        {
            clock.Restart();
            for (int i = 0; i < stepsPerBlock; i++) generated();
            generatedTimes.Add(clock.Elapsed.TotalMilliseconds / stepsPerBlock);
            clock.Restart();
            for (int i = 0; i < stepsPerBlock; i++) handWritten();
            handWrittenTimes.Add(clock.Elapsed.TotalMilliseconds / stepsPerBlock);
        }
        double g = Median(generatedTimes), h = Median(handWrittenTimes);
        Console.WriteLine($"{name}: generated {g:F3} ms/step, hand-written {h:F3} ms/step, ratio {g / h:F2} (medians of {rounds} alternating blocks of {stepsPerBlock} steps)");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
