using System;
using System.Collections.Generic;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;
using GanGen.Tests.Interop.Twin;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>
/// The graph networks' steps (residual blocks, self-attention, conditional batch norm in blocks, a residual refiner,
/// concatenation and gating, a mapping network with adaptive instance norm) stay inside an allocation budget and leak
/// no tensor. The budget is the plain step's 2,048 B plus what the declaration's work adds: TorchSharp allocates one
/// managed wrapper (about 48 B) per tensor operation, so a graph pays per node it runs, not per line of generated code.
/// </summary>
public sealed class GraphAllocationTests
{
    private const long Base = 2048;

    /// <summary>One node's operation in one forward pass (a merge, a residual add, an activation between layers).</summary>
    private const long NodeForward = 48;

    /// <summary>A spectrally normalised layer, per network update (its power iteration and W/σ; StabilizerAllocationTests).</summary>
    private const long NormalisedLayerUpdate = 384;

    private readonly ITestOutputHelper _output;

    public GraphAllocationTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Rows() => new[]
    {
        new object[] { "ResNet GAN" }, new object[] { "ResNet GAN with self-attention" }, new object[] { "class-conditional ResNet" },
        new object[] { "plain refiner" }, new object[] { "SimGAN residual refiner" }, new object[] { "concatenation, gating, projection shortcut" },
        new object[] { "mapping network and adaptive instance norm" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Graph_step_stays_in_budget(string row)
    {
        manual_seed(1);
        using var images = rand(16, 1, 28, 28).mul_(2).sub_(1);
        using var small = rand(16, 1, 4, 4).mul_(2).sub_(1);
        using var labels = randint(0, 10, new long[] { 16 }, dtype: ScalarType.Int64);
        using var sources = rand(16, 1, 28, 28).mul_(2).sub_(1);
        // Forward passes per step: the discriminator update runs G once and D twice, the generator update G and D once.
        // Budgets count each network's nodes beyond a flat chain's (merges, block boundaries) and its normalised layers.
        var (bytes, leaked, budget) = row switch
        {
            // Critic: 8 normalised convolutions/dense layers, two updates per step; 20 merge, shortcut and block nodes in G and D.
            "ResNet GAN" => Budget(StepAllocation.Measure(new FashionResNet(seed: 1), new GanBatch(images), steps: 20), 8 * 2, 20),
            // + the attention's 4 inner normalised convolutions in the critic and its softmax/matmul chain in both.
            "ResNet GAN with self-attention" => Budget(StepAllocation.Measure(new FashionAttention(seed: 1), new GanBatch(images), steps: 20), 12 * 2, 40),
            "class-conditional ResNet" => Budget(StepAllocation.Measure(new ConditionalResNet(seed: 1), new GanBatch(images, labels), steps: 20), 8 * 2, 30),
            "plain refiner" => Budget(StepAllocation.Measure(new FashionRefiner(seed: 1), new GanBatch(images, sources: sources), steps: 20), 0, 0),
            "SimGAN residual refiner" => Budget(StepAllocation.Measure(new ResidualRefiner(seed: 1), new GanBatch(images, sources: sources), steps: 20), 0, 4),
            "concatenation, gating, projection shortcut" => Budget(StepAllocation.Measure(new GraphOracleGan(seed: 1), new GanBatch(small), steps: 40), 2 * 2, 20),
            "mapping network and adaptive instance norm" => Budget(StepAllocation.Measure(new StyleOracleGan(seed: 1), new GanBatch(small), steps: 40), 0, 4),
            _ => throw new ArgumentOutOfRangeException(nameof(row), row, "no such row"),
        };
        _output.WriteLine($"{row}: {bytes} managed bytes per step (budget {budget}), {leaked} tensors left alive");
        Assert.True(bytes <= budget, $"{row}: the step allocates {bytes} B; its budget is {budget} B");
        Assert.Equal(0, leaked);
    }

    [Fact]
    public void Generated_ResNet_step_allocates_less_than_the_hand_written_one()
    {
        manual_seed(1);
        using var images = rand(16, 1, 28, 28).mul_(2).sub_(1);
        long handWritten;
        using (var baseline = new GanGen.Benchmarks.Baselines.HandWrittenResNet(seed: 1))
        {
            for (int i = 0; i < 20; i++) baseline.TrainStep(images);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20; i++) baseline.TrainStep(images);
            handWritten = (GC.GetAllocatedBytesForCurrentThread() - before) / 20;
        }
        var (generated, _) = StepAllocation.Measure(new FashionResNet(seed: 1), new GanBatch(images), steps: 20);
        _output.WriteLine($"ResNet GAN step: generated {generated} managed bytes, hand-written {handWritten}");
        Assert.True(generated <= handWritten, $"the generated ResNet step allocates {generated} B, the hand-written one {handWritten} B");
    }

    private static (long Bytes, long Leaked, long Budget) Budget((long Bytes, long Leaked) measured, int normalisedLayerUpdates, int graphNodes)
        => (measured.Bytes, measured.Leaked, Base + normalisedLayerUpdates * NormalisedLayerUpdate + graphNodes * 5 * NodeForward);
}
