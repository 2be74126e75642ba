using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Verbs: `all` (everything BENCHMARKS.md reports, in one run), `paired [rounds]`, `soak [steps] [interval]`,
// `routes [rounds]` (the kernel check's routes);
// anything else goes to BenchmarkDotNet (e.g. --filter '*RingStep*').
string verb = args.Length > 0 ? args[0] : "";
// Every figure is of one machine: the same code runs at different speeds, and with different correctness, on different CPUs.
GanGen.Runtime.Kernels.KernelCheck.Verify(GanGen.Runtime.Kernels.KernelCheck.Canaries);
Console.WriteLine($"machine: {GanGen.Runtime.Kernels.KernelCheck.Machine}; kernels: {GanGen.Runtime.Kernels.KernelCheck.Route.Name}");
switch (verb)
{
    case "routes":
        return GanGen.Benchmarks.RoutesRun.Run(Argument(1, 40));
    case "paired":
        return GanGen.Benchmarks.PairedRun.Run(Argument(1, 40));
    case "soak":
        int steps = Argument(1, 20_000);
        return GanGen.Benchmarks.SoakRun.Run(steps, Argument(2, Math.Max(1, steps / 10)));
    case "all":
        RunBenchmarkDotNet(new[] { "--filter", "*" });
        int paired = GanGen.Benchmarks.PairedRun.Run(40);
        int soak = GanGen.Benchmarks.SoakRun.Run(60_000, 5_000);
        return paired != 0 ? paired : soak;
    default:
        RunBenchmarkDotNet(args);
        return 0;
}

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;

static void RunBenchmarkDotNet(string[] arguments)
{
    // In-process: TorchSharp's native library is already loaded (and patched) in this process, and no separate
    // BenchmarkDotNet project has to be restored and built.
    var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
    BenchmarkSwitcher.FromAssembly(typeof(GanGen.Benchmarks.RingStepBenchmarks).Assembly).Run(arguments, config);
}
