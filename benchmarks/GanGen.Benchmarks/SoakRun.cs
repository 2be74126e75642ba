using System;
using System.Diagnostics;
using System.IO;
using GanGen.Benchmarks.Declarations;
using GanGen.Runtime.Data;
using TorchSharp;

namespace GanGen.Benchmarks;

/// <summary>
/// `soak`: 20,000 generated ring steps, reporting the live tensor count and process RSS after warm-up and at the
/// end, plus managed bytes and gen-0 collections per 1,000 steps. Counts, not time.
/// </summary>
internal static class SoakRun
{
    public static int Run(int steps)
    {
        Threads.Configure();
        using var data = GaussianMixture2D.Ring(seed: 1);
        using var batch = data.Sample(256);
        using var gan = new BenchRingGan(seed: 1);
        const int warmUp = 2_000;
        for (int i = 0; i < warmUp; i++) gan.Step(batch);
        gan.ReadMetrics();

        var statistics = DisposeScopeManager.Statistics;
        Settle();
        long tensorsAfterWarmUp = statistics.ThreadTotalLiveCount;
        long rssAfterWarmUp = ResidentBytes();
        long managedAfterWarmUp = GC.GetGCMemoryInfo().TotalCommittedBytes;
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        int gen0Before = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) gan.Step(batch);
        double seconds = clock.Elapsed.TotalSeconds;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        int gen0 = GC.CollectionCount(0) - gen0Before;
        Settle();
        long tensorsAtEnd = statistics.ThreadTotalLiveCount;
        long rssAtEnd = ResidentBytes();
        long managedAtEnd = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var metrics = gan.ReadMetrics();

        Console.WriteLine($"soak: {steps} ring steps after {warmUp} warm-up steps ({steps / seconds:F0} steps/s, final {metrics})");
        Console.WriteLine($"live tensors: {tensorsAfterWarmUp} after warm-up, {tensorsAtEnd} at the end");
        Console.WriteLine($"RSS: {rssAfterWarmUp / 1048576.0:F1} MiB after warm-up, {rssAtEnd / 1048576.0:F1} MiB at the end ({100.0 * (rssAtEnd - rssAfterWarmUp) / rssAfterWarmUp:+0.00;-0.00}%)");
        // The managed heap grows by its gen-0 budget between collections (about one per 20,000 steps here), so native
        // memory is RSS minus what the GC has committed.
        long nativeAfterWarmUp = rssAfterWarmUp - managedAfterWarmUp, nativeAtEnd = rssAtEnd - managedAtEnd;
        Console.WriteLine($"GC committed: {managedAfterWarmUp / 1048576.0:F1} MiB after warm-up, {managedAtEnd / 1048576.0:F1} MiB at the end");
        Console.WriteLine($"native (RSS − GC committed): {nativeAfterWarmUp / 1048576.0:F1} MiB after warm-up, {nativeAtEnd / 1048576.0:F1} MiB at the end ({100.0 * (nativeAtEnd - nativeAfterWarmUp) / nativeAfterWarmUp:+0.00;-0.00}%)");
        Console.WriteLine($"managed: {bytes / (double)steps:F0} B per step; gen-0 collections: {gen0} in {steps} steps");
        return tensorsAtEnd == tensorsAfterWarmUp ? 0 : 1;
    }

    /// <summary>A full, compacting collection, so both RSS readings see the managed heap in the same state.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
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
