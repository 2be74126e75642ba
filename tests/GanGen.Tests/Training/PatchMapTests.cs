using GanGen.Tests.Declarations;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>A discriminator declared with Output = PatchMap scores every patch, and the losses average over patches.</summary>
public class PatchMapTests
{
    [Fact]
    public void DiscriminatorScoresEveryPatchAndTheLossAveragesOverThem()
    {
        using var gan = new PatchGan(seed: 1);
        using var real = rand(6, 1, 8, 8).mul_(2).sub_(1);
        using var fake = rand(6, 1, 8, 8).mul_(2).sub_(1);

        using var loss = gan.DiscriminatorLossOf(real, fake, out var realScores, out var fakeScores);
        using (realScores)
        using (fakeScores)
        {
            Assert.Equal(new long[] { 6, 1, 4, 4 }, realScores.shape);
            Assert.Equal(new long[] { 6, 1, 4, 4 }, fakeScores.shape);
            // BCE over all 6·16 patch logits: −mean log σ(r) − mean log σ(−f).
            using var expected = nn.functional.logsigmoid(realScores).mean().neg() - nn.functional.logsigmoid(fakeScores.neg()).mean();
            Assert.Equal(expected.item<float>(), loss.item<float>(), 5);
        }
    }

    [Fact]
    public void PatchGanTrainsWithFiniteLossesAndProbabilityScores()
    {
        using var gan = new PatchGan(seed: 2);
        manual_seed(2);
        using var real = rand(16, 1, 8, 8).mul_(2).sub_(1);
        for (int i = 0; i < 20; i++) gan.Step(real);
        var metrics = gan.ReadMetrics();
        Assert.Equal(20, metrics.Step);
        Assert.True(float.IsFinite(metrics.DiscriminatorLoss) && metrics.GeneratorLoss is { } g && float.IsFinite(g), metrics.ToString());
        Assert.InRange(metrics.RealScore, 0f, 1f);
        Assert.InRange(metrics.FakeScore, 0f, 1f);
        using var samples = gan.Sample(3);
        Assert.Equal(new long[] { 3, 1, 8, 8 }, samples.shape);
    }
}
