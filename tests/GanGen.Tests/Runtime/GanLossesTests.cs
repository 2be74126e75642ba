using System;
using GanGen.Runtime.Losses;
using GanGen.Runtime.Regularization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Runtime;

/// <summary>Each loss and regulariser against its formula on hand-picked scores.</summary>
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
        using var loss = new NonSaturatingLoss(realLabel);
        double expected = Mean(RealScores, r => realLabel * Softplus(-r) + (1 - realLabel) * Softplus(r)) + Mean(FakeScores, f => Softplus(f));
        Assert.Equal(expected, Value(loss.Discriminator), 5);

        using var scope = NewDisposeScope();
        var real = tensor(RealScores);
        var reference = nn.functional.binary_cross_entropy_with_logits(real, full_like(real, realLabel))
            + nn.functional.binary_cross_entropy_with_logits(tensor(FakeScores), zeros(3));
        Assert.Equal(reference.item<float>(), Value(loss.Discriminator), 5);
    }

    [Fact]
    public void GeneratorLossesFollowTheirGames()
    {
        using var minimax = new MinimaxLoss();
        using var nonSaturating = new NonSaturatingLoss();
        using var wasserstein = new WassersteinLoss();
        using var hinge = new HingeLoss();
        using var leastSquares = new LeastSquaresLoss();
        Assert.Equal(-Mean(FakeScores, f => Softplus(f)), Value((_, f) => minimax.Generator(f)), 5);
        Assert.Equal(Mean(FakeScores, f => Softplus(-f)), Value((_, f) => nonSaturating.Generator(f)), 5);
        Assert.Equal(-Mean(FakeScores, f => f), Value((_, f) => wasserstein.Generator(f)), 5);
        Assert.Equal(-Mean(FakeScores, f => f), Value((_, f) => hinge.Generator(f)), 5);
        Assert.Equal(Mean(FakeScores, f => 0.5 * (f - 1) * (f - 1)), Value((_, f) => leastSquares.Generator(f)), 5);
    }

    [Fact]
    public void DiscriminatorLossesFollowTheirFormulas()
    {
        using var wasserstein = new WassersteinLoss();
        using var hinge = new HingeLoss();
        using var leastSquares = new LeastSquaresLoss();
        using var minimax = new MinimaxLoss();
        Assert.Equal(Mean(FakeScores, f => f) - Mean(RealScores, r => r), Value(wasserstein.Discriminator), 5);
        Assert.Equal(Mean(RealScores, r => Math.Max(0, 1 - r)) + Mean(FakeScores, f => Math.Max(0, 1 + f)), Value(hinge.Discriminator), 5);
        Assert.Equal(0.5 * Mean(RealScores, r => (r - 1) * (r - 1)) + 0.5 * Mean(FakeScores, f => f * f), Value(leastSquares.Discriminator), 5);
        Assert.Equal(Mean(RealScores, r => Softplus(-r)) + Mean(FakeScores, f => Softplus(f)), Value(minimax.Discriminator), 5);
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
        using var penalty = new GradientPenalty(weight: 10);
        using var scope = NewDisposeScope();
        var value = penalty.Compute(new ModuleScorer(critic), randn(8, 2), randn(8, 2), labels: null);
        Assert.Equal(10 * (5 - 1) * (5 - 1), value.item<float>(), 3);
        Assert.True(value.requires_grad, "the penalty must stay differentiable (create_graph)");
    }

    [Theory]
    [InlineData(Distance.L1)]
    [InlineData(Distance.L2)]
    public void SelfRegularizationIsTheWeightedMeanDistance(Distance distance)
    {
        using var term = new SelfRegularization(weight: 0.5, distance);
        using var scope = NewDisposeScope();
        var refined = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        var source = tensor(new float[] { 0, 2, 5, 3 }).reshape(2, 2);
        double expected = distance == Distance.L1 ? 0.5 * (1 + 0 + 2 + 1) / 4.0 : 0.5 * (1 + 0 + 4 + 1) / 4.0;
        Assert.Equal(expected, term.Compute(refined, source).item<float>(), 5);
    }

    [Fact]
    public void ClassificationLossIsTheWeightedCrossEntropy()
    {
        using var loss = new ClassificationLoss(weight: 2.0);
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { 2, 0, 0, 0, 1, 0 }).reshape(2, 3);
        var labels = tensor(new long[] { 0, 2 });
        // CE row 0: −log(e²/(e²+2)); row 1: −log(1/(2+e)).
        double ce = (-Math.Log(Math.Exp(2) / (Math.Exp(2) + 2)) - Math.Log(1 / (2 + Math.E))) / 2;
        Assert.Equal(2 * ce, loss.Generator(logits, labels).item<float>(), 4);
        Assert.Equal(2 * 2 * ce, loss.Discriminator(logits, logits, labels).item<float>(), 4);
    }

    private sealed class ModuleScorer : IDiscriminatorScorer
    {
        private readonly nn.Module<Tensor, Tensor> _module;

        public ModuleScorer(nn.Module<Tensor, Tensor> module) => _module = module;

        public Tensor Score(Tensor samples, Tensor? labels) => _module.forward(samples);
    }
}
