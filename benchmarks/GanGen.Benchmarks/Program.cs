using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

if (args.Length > 0 && args[0] == "paired")
    return GanGen.Benchmarks.PairedRun.Run(args.Length > 1 ? int.Parse(args[1]) : 40);
if (args.Length > 0 && args[0] == "soak")
{
    int steps = args.Length > 1 ? int.Parse(args[1]) : 20_000;
    return GanGen.Benchmarks.SoakRun.Run(steps, args.Length > 2 ? int.Parse(args[2]) : Math.Max(1, steps / 10));
}

// In-process: TorchSharp's native library is already loaded (and patched) in this process, and no separate
// BenchmarkDotNet project has to be restored and built.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(GanGen.Benchmarks.RingStepBenchmarks).Assembly).Run(args, config);
return 0;
