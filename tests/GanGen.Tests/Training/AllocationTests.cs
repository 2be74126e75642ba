using System;
using GanGen.Benchmarks.Declarations;
using GanGen.Runtime.Data;
using TorchSharp;
using Xunit.Abstractions;
using GanGen.Examples.Models;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>Counts bytes and tensors, never time: the generated step's managed allocation and native leak budget.</summary>
public class AllocationTests
{
    private const long BudgetBytesPerStep = 2048;
    private readonly ITestOutputHelper _output;

    public AllocationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void RingStepAllocatesWithinBudget()
    {
        using var data = GaussianMixture2D.Ring(seed: 1);
        using var batch = data.Sample(256);
        using var gan = new BenchRingGan(seed: 1);
        for (int i = 0; i < 50; i++) gan.Step(batch); // warm-up: JIT, lazily allocated buffers
        gan.ReadMetrics();

        const int steps = 200;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < steps; i++) gan.Step(batch);
        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
        _output.WriteLine($"ring step: {perStep} managed bytes per step");
        Assert.True(perStep <= BudgetBytesPerStep, $"a generated ring step allocates {perStep} B; the budget is {BudgetBytesPerStep} B");
    }

    [Fact]
    public void DcganStepAllocatesWithinBudget()
    {
        using var batch = rand(64, 1, 28, 28).mul_(2).sub_(1);
        using var gan = new FashionDcgan(seed: 1);
        for (int i = 0; i < 10; i++) gan.Step(batch);
        gan.ReadMetrics();

        const int steps = 30;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < steps; i++) gan.Step(batch);
        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
        _output.WriteLine($"DCGAN step: {perStep} managed bytes per step");
        Assert.True(perStep <= BudgetBytesPerStep, $"a generated DCGAN step allocates {perStep} B; the budget is {BudgetBytesPerStep} B");
    }

    [Fact]
    public void ConditionalDcganStepAllocatesWithinBudget()
    {
        using var images = rand(64, 1, 28, 28).mul_(2).sub_(1);
        using var labels = randint(0, 10, new long[] { 64 }, dtype: ScalarType.Int64);
        var batch = new GanGen.Runtime.Training.GanBatch(images, labels);
        using var gan = new ConditionalDcgan(seed: 1);
        for (int i = 0; i < 10; i++) gan.Step(batch);
        gan.ReadMetrics();

        const int steps = 30;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < steps; i++) gan.Step(batch);
        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
        _output.WriteLine($"conditional DCGAN step: {perStep} managed bytes per step");
        Assert.True(perStep <= BudgetBytesPerStep, $"a generated conditional DCGAN step allocates {perStep} B; the budget is {BudgetBytesPerStep} B");
    }

    [Fact]
    public void RefinerStepWithHistoryAllocatesWithinBudget()
    {
        using var images = rand(64, 1, 28, 28).mul_(2).sub_(1);
        using var sources = rand(64, 1, 28, 28).mul_(2).sub_(1);
        var batch = new GanGen.Runtime.Training.GanBatch(images, sources: sources);
        using var gan = new FashionRefiner(seed: 1);
        for (int i = 0; i < 10; i++) gan.Step(batch);
        gan.ReadMetrics();

        const int steps = 20;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < steps; i++) gan.Step(batch);
        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
        _output.WriteLine($"refiner step: {perStep} managed bytes per step");
        Assert.True(perStep <= BudgetBytesPerStep, $"a generated refiner step allocates {perStep} B; the budget is {BudgetBytesPerStep} B");
    }

    [Fact]
    public void TrainStepsNonFiniteBatchCheckCostsOneSmallReduction()
    {
        // TrainStep syncs anyway (it reads the metrics back); its NaN/Inf check of the batch adds one float64 sum.
        using var data = GaussianMixture2D.Ring(seed: 1);
        using var batch = data.Sample(256);
        using var gan = new BenchRingGan(seed: 1);
        for (int i = 0; i < 50; i++) gan.TrainStep(batch);

        const int steps = 200;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < steps; i++)
        {
            gan.Step(batch);
            gan.ReadMetrics();
        }
        long stepAndRead = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < steps; i++) gan.TrainStep(batch);
        long trainStep = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
        _output.WriteLine($"Step + ReadMetrics: {stepAndRead} B per step; TrainStep: {trainStep} B per step (the check: {trainStep - stepAndRead} B)");
        Assert.True(trainStep - stepAndRead <= 512, $"TrainStep's batch check allocates {trainStep - stepAndRead} B per step");
    }

    [Fact]
    public void LiveTensorCountStaysFlat()
    {
        using var data = GaussianMixture2D.Ring(seed: 1);
        using var batch = data.Sample(256);
        using var gan = new BenchRingGan(seed: 1);
        var statistics = DisposeScopeManager.Statistics;
        for (int i = 0; i < 100; i++) gan.Step(batch);
        long after100 = statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 900; i++) gan.Step(batch);
        long after1000 = statistics.ThreadTotalLiveCount;
        _output.WriteLine($"live tensors after 100 steps: {after100}, after 1000: {after1000}");
        Assert.Equal(after100, after1000);
    }
}
