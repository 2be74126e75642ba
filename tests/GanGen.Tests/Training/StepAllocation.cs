using System;
using GanGen.Runtime.Kernels;
using GanGen.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>What a generated step costs in managed bytes and in tensors left alive, counted, never timed.</summary>
internal static class StepAllocation
{
    /// <summary>
    /// Bytes per step over <paramref name="steps"/> steps after a warm-up of 20 (JIT, lazily made buffers), and the
    /// tensors those steps left alive. Disposes <paramref name="gan"/>. Step counts should be multiples of every
    /// declaration's n_critic and lazy-penalty interval, so the measured steps hold whole rounds.
    /// </summary>
    public static (long Bytes, long Leaked) Measure<TGenerator, TDiscriminator>(
        GanTrainer<TGenerator, TDiscriminator> gan, GanBatch batch, int steps = 40)
        where TGenerator : nn.Module, IKernelChecked
        where TDiscriminator : nn.Module, IKernelChecked
    {
        ArgumentNullException.ThrowIfNull(gan);
        using (gan)
        {
            for (int i = 0; i < 20; i++) gan.Step(batch);
            gan.ReadMetrics();
            var statistics = DisposeScopeManager.Statistics;
            long liveBefore = statistics.ThreadTotalLiveCount;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < steps; i++) gan.Step(batch);
            long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
            gan.ReadMetrics();
            return (bytes, statistics.ThreadTotalLiveCount - liveBefore);
        }
    }
}
