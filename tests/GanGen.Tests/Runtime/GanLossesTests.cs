using System;
using GanGen.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Runtime;

/// <summary>Each loss against its formula on hand-picked scores.</summary>
public class GanLossesTests
{
    private static readonly float[] RealScores = { 2.0f, -0.5f, 0.3f };
    private static readonly float[] FakeScores = { -1.0f, 0.8f, -2.2f };

    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    private static double Mean(float[] values, Func<double, double> f)
    {
        double sum = 0;
        foreach (var v in values) sum += f(v);
        return sum / values.Length;
    }

    private static float Value(Func<Tensor, Tensor, Tensor> loss)
    {
        using var scope = NewDisposeScope();
        return loss(tensor(RealScores).unsqueeze(1), tensor(FakeScores).unsqueeze(1)).item<float>();
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.9)]
    public void BceDiscriminatorEqualsBinaryCrossEntropyWithTargets(double realLabel)
    {
        using var constants = new GanLossConstants(realLabel: realLabel);
        double expected = Mean(RealScores, r => realLabel * Softplus(-r) + (1 - realLabel) * Softplus(r)) + Mean(FakeScores, f => Softplus(f));
        Assert.Equal(expected, Value((r, f) => GanLosses.BceDiscriminator(r, f, constants)), 5);

        using var scope = NewDisposeScope();
        var real = tensor(RealScores);
        var reference = nn.functional.binary_cross_entropy_with_logits(real, full_like(real, realLabel))
            + nn.functional.binary_cross_entropy_with_logits(tensor(FakeScores), zeros(3));
        Assert.Equal(reference.item<float>(), Value((r, f) => GanLosses.BceDiscriminator(r, f, constants)), 5);
    }

    [Fact]
    public void GeneratorLossesFollowTheirGames()
    {
        using var constants = new GanLossConstants();
        Assert.Equal(-Mean(FakeScores, f => Softplus(f)), Value((_, f) => GanLosses.MinimaxGenerator(f)), 5);
        Assert.Equal(Mean(FakeScores, f => Softplus(-f)), Value((_, f) => GanLosses.NonSaturatingGenerator(f)), 5);
        Assert.Equal(-Mean(FakeScores, f => f), Value((_, f) => GanLosses.WassersteinGenerator(f)), 5);
        Assert.Equal(Mean(FakeScores, f => 0.5 * (f - 1) * (f - 1)), Value((_, f) => GanLosses.LeastSquaresGenerator(f, constants)), 5);
    }

    [Fact]
    public void DiscriminatorLossesFollowTheirFormulas()
    {
        using var constants = new GanLossConstants();
        Assert.Equal(Mean(FakeScores, f => f) - Mean(RealScores, r => r), Value(GanLosses.WassersteinCritic), 5);
        Assert.Equal(Mean(RealScores, r => Math.Max(0, 1 - r)) + Mean(FakeScores, f => Math.Max(0, 1 + f)),
            Value((r, f) => GanLosses.HingeDiscriminator(r, f, constants)), 5);
        Assert.Equal(0.5 * Mean(RealScores, r => (r - 1) * (r - 1)) + 0.5 * Mean(FakeScores, f => f * f),
            Value((r, f) => GanLosses.LeastSquaresDiscriminator(r, f, constants)), 5);
    }

    [Fact]
    public void GradientPenaltyOfALinearCriticIsLambdaTimesSquaredNormGap()
    {
        // C(x) = w·x has ∇C = w everywhere, so the penalty is λ(‖w‖ − 1)² whatever the interpolates are.
        using var critic = nn.Linear(2, 1);
        using (no_grad())
        {
            critic.weight!.copy_(tensor(new float[] { 3, 4 }).reshape(1, 2));
        }
        using var constants = new GanLossConstants(gradientPenalty: 10);
        using var scope = NewDisposeScope();
        var real = randn(8, 2);
        var penalty = GanLosses.GradientPenalty(critic, real, randn(8, 2), GanLosses.PenaltyEpsilon(real), constants);
        Assert.Equal(10 * (5 - 1) * (5 - 1), penalty.item<float>(), 3);
        Assert.True(penalty.requires_grad, "the penalty must stay differentiable (create_graph)");
    }
}
