using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using GanGen.Benchmarks.Declarations;
using GanGen.Runtime.Data;
using TorchSharp;

namespace GanGen.Benchmarks;

/// <summary>
/// `soak`: generated ring steps after a 2,000-step warm-up, with a reading every <c>interval</c> steps of the live
/// tensor count, process RSS, what the GC has committed, the C allocator's bytes in use (native memory), plus managed
/// bytes per step and gen-0 collections. Counts, not time. Exit code 1 when the live tensor count changes.
/// </summary>
internal static class SoakRun
{
    private const int WarmUp = 2_000;

    public static int Run(int steps, int interval)
    {
        Threads.Configure();
        using var data = GaussianMixture2D.Ring(seed: 1);
        using var batch = data.Sample(256);
        using var gan = new BenchRingGan(seed: 1);
        for (int i = 0; i < WarmUp; i++) gan.Step(batch);
        gan.ReadMetrics();

        var statistics = DisposeScopeManager.Statistics;
        Settle();
        var first = Reading.Take(0, statistics.ThreadTotalLiveCount, 0);
        Console.WriteLine($"soak: {steps} ring steps after {WarmUp} warm-up steps, a reading every {interval}");
        Console.WriteLine("| steps | live tensors | RSS MiB | GC committed MiB | malloc in use MiB | gen-0 GCs |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(first);

        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        int gen0Before = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        Reading last = first, steadyStart = first;
        bool steady = false;
        for (int done = 0; done < steps;)
        {
            int block = Math.Min(interval, steps - done);
            for (int i = 0; i < block; i++) gan.Step(batch);
            done += block;
            int gen0 = GC.CollectionCount(0) - gen0Before;
            last = Reading.Take(done, statistics.ThreadTotalLiveCount, gen0);
            Console.WriteLine(last);
            // The GC commits its gen-0 budget (about 16 MiB here) by the time of its first collection; from then on
            // the process is in its steady state.
            if (!steady && gen0 > 0)
            {
                steady = true;
                steadyStart = last;
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        var metrics = gan.ReadMetrics();

        Console.WriteLine($"{steps / seconds:F0} steps/s; final {metrics}");
        Console.WriteLine($"managed: {bytes / (double)steps:F0} B per step; gen-0 collections: {last.Gen0} in {steps} steps");
        Console.WriteLine($"live tensors: {first.LiveTensors} → {last.LiveTensors}");
        Console.WriteLine($"native (malloc in use) from the end of warm-up: {Growth(first.Malloc, last.Malloc)}");
        Console.WriteLine($"RSS from the end of warm-up: {Growth(first.Rss, last.Rss)}");
        if (steady && steadyStart.Steps < last.Steps)
            Console.WriteLine($"RSS in steady state (from the first reading after the first gen-0 collection, step {steadyStart.Steps:N0}, to step {last.Steps:N0}): {Growth(steadyStart.Rss, last.Rss)}");
        return last.LiveTensors == first.LiveTensors ? 0 : 1;
    }

    private static string Growth(long from, long to) =>
        $"{from / 1048576.0:F1} → {to / 1048576.0:F1} MiB ({100.0 * (to - from) / from:+0.00;-0.00}%)";

    /// <summary>A full, compacting collection, so the first reading sees the managed heap at its smallest.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <param name="Committed">What the GC had committed at its last collection (GCMemoryInfo is only refreshed by a GC).</param>
    /// <param name="Malloc">Bytes in use by the C allocator (glibc mallinfo2: arenas + mmapped chunks), where libtorch's
    /// CPU tensors live; the GC's own memory is not in it. −1 where mallinfo2 is unavailable.</param>
    private readonly record struct Reading(long Steps, long LiveTensors, long Rss, long Committed, long Malloc, int Gen0)
    {
        public static Reading Take(long steps, long liveTensors, int gen0) =>
            new(steps, liveTensors, ResidentBytes(), GC.GetGCMemoryInfo().TotalCommittedBytes, MallocInUse(), gen0);

        public override string ToString() =>
            $"| {Steps:N0} | {LiveTensors} | {Rss / 1048576.0:F1} | {Committed / 1048576.0:F1} | {Malloc / 1048576.0:F2} | {Gen0} |";
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint Arena, Ordblks, Smblks, Hblks, Hblkhd, Usmblks, Fsmblks, Uordblks, Fordblks, Keepcost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo2 NativeMallInfo2();

    private static long MallocInUse()
    {
        try
        {
            var info = NativeMallInfo2();
            return (long)(info.Uordblks + info.Hblkhd);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return -1;
        }
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        return Environment.WorkingSet;
    }
}
