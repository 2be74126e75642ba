using System;
using System.Collections.Generic;
using System.Diagnostics;
using GanGen.Benchmarks.Declarations;
using GanGen.Examples.Models;
using GanGen.Runtime.Data;
using GanGen.Runtime.Kernels;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Benchmarks;

/// <summary>
/// `routes`: what the kernel check's routes cost. Generated steps timed in alternating blocks with oneDNN on (at the
/// instruction set this process started with: the CPU's full one, or ONEDNN_MAX_CPU_ISA's cap) and off (libtorch's own
/// convolutions), medians per side. Run it once as is and once with ONEDNN_MAX_CPU_ISA=AVX: oneDNN-off is the common
/// reference between the two processes. GANGEN_KERNEL_CHECK=off keeps a faulty default in place to time it.
/// </summary>
internal static class RoutesRun
{
    public static int Run(int rounds)
    {
        Threads.Configure();
        if (!LibTorchContext.IsAvailable)
        {
            Console.Error.WriteLine("error: libtorch's at::Context cannot be reached on this platform, so oneDNN cannot be switched off");
            return 1;
        }
        string isa = Environment.GetEnvironmentVariable(OneDnnIsaCapRoute.Variable) is { Length: > 0 } cap ? "oneDNN capped at " + cap : "oneDNN at the full ISA";
        Console.WriteLine($"routes: '{isa}' against 'oneDNN off', threads {get_num_threads()}");

        using (var data = GaussianMixture2D.Ring(seed: 1))
        using (var batch = data.Sample(256))
        using (var ring = new BenchRingGan(seed: 1))
            Report("ring MLP GAN (batch 256)", isa, rounds, 100, () => ring.Step(batch));

        manual_seed(1);
        using (var images = rand(64, 1, 28, 28).mul_(2).sub_(1))
        using (var dcgan = new FashionDcgan(seed: 1))
            Report("Fashion-MNIST DCGAN (batch 64)", isa, Math.Max(5, rounds / 4), 10, () => dcgan.Step(images));

        using (var images = rand(64, 1, 28, 28).mul_(2).sub_(1))
        using (var sources = rand(64, 1, 28, 28).mul_(2).sub_(1))
        using (var refiner = new FashionRefiner(seed: 1))
            Report("Fashion refiner, 3×3 convolutions at 28×28 (batch 64)", isa, Math.Max(5, rounds / 4), 5, () => refiner.Step(new GanBatch(images, sources: sources)));
        LibTorchContext.SetOneDnnEnabled(true);
        return 0;
    }

    private static void Report(string name, string isa, int rounds, int stepsPerBlock, Action step)
    {
        var on = new List<double>();
        var off = new List<double>();
        var clock = new Stopwatch();
        for (int round = -1; round < rounds; round++)
        {
            foreach (bool enabled in new[] { true, false })
            {
                LibTorchContext.SetOneDnnEnabled(enabled);
                if (round < 0)
                {
                    for (int i = 0; i < stepsPerBlock * 2; i++) step(); // warm-up, primitives created
                    continue;
                }
                clock.Restart();
                for (int i = 0; i < stepsPerBlock; i++) step();
                (enabled ? on : off).Add(clock.Elapsed.TotalMilliseconds / stepsPerBlock);
            }
        }
        double a = Median(on), b = Median(off);
        Console.WriteLine($"{name}: {isa} {a:F3} ms/step, oneDNN off {b:F3} ms/step, off/on {b / a:F2} (medians of {rounds} alternating blocks of {stepsPerBlock} steps)");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
