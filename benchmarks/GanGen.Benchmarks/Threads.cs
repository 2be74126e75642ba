using System;
using static TorchSharp.torch;

namespace GanGen.Benchmarks;

/// <summary>Intra-op threads for benchmark runs: GANGEN_THREADS, else TorchSharp's default (all cores).</summary>
internal static class Threads
{
    public static void Configure()
    {
        // torch.set_num_threads(0) terminates the process, so only positive values are applied.
        if (int.TryParse(Environment.GetEnvironmentVariable("GANGEN_THREADS"), out int threads) && threads > 0)
            set_num_threads(threads);
    }
}
