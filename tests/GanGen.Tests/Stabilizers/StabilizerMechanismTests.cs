using System;
using System.Linq;
using GanGen.Runtime.Losses;
using GanGen.Runtime.Networks;
using GanGen.Runtime.Regularization;
using GanGen.Runtime.Training;
using GanGen.Tests.Declarations;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Stabilizers;

/// <summary>Each stabiliser computes what its paper says: closed forms, schedules, rates, exact restores.</summary>
public class StabilizerMechanismTests
{
    [Fact]
    public void SpectralNormsSigmaMatchesTheLargestSingularValue()
    {
        manual_seed(21);
        using var layer = nn.Linear(12, 7);
        using var spectral = new SpectralNorm(layer, layer.weight!);
        using var scope = NewDisposeScope();
        for (int i = 0; i < 60; i++) spectral.Weight(layer.weight!).Dispose(); // power iterations, one per training forward
        double largest = linalg.svdvals(layer.weight!.detach()).max().item<float>();
        Assert.InRange(spectral.Sigma(layer.weight!), largest - 1e-3, largest + 1e-3);
        using var normalised = spectral.Weight(layer.weight!);
        Assert.InRange(linalg.svdvals(normalised.detach()).max().item<float>(), 1 - 1e-3, 1 + 1e-3);
        Assert.Contains("weight_u", layer.state_dict().Keys);
    }

    [Fact]
    public void SpectralNormOfATransposedConvolutionUsesItsOutputChannels()
    {
        manual_seed(22);
        using var layer = nn.ConvTranspose2d(6, 4, 3);
        using var spectral = new SpectralNorm(layer, layer.weight!, outputsAlongSecondDimension: true);
        using var scope = NewDisposeScope();
        for (int i = 0; i < 80; i++) spectral.Weight(layer.weight!).Dispose();
        var matrix = layer.weight!.detach().transpose(0, 1).flatten(1);
        double largest = linalg.svdvals(matrix).max().item<float>();
        Assert.InRange(spectral.Sigma(layer.weight!), largest - 1e-3, largest + 1e-3);
    }

    [Fact]
    public void SpectrallyNormalisedDiscriminatorTrainsAndKeepsItsVectorsInCheckpoints()
    {
        using var gan = new SpectralGan(seed: 23);
        using var scope = NewDisposeScope();
        for (int i = 0; i < 5; i++) gan.Step(randn(16, 2));
        Assert.True(gan.ReadMetrics().IsFinite);
        var state = gan.Discriminator.state_dict();
        Assert.Contains("Hidden.weight_u", state.Keys);
        Assert.Contains("Score.weight_v", state.Keys);
    }

    [Fact]
    public void UnrolledLookAheadRestoresTheDiscriminatorBitForBit()
    {
        using var gan = new UnrolledGan(seed: 24);
        using var scope = NewDisposeScope();
        var batch = randn(16, 2);
        gan.Step(batch); // warm: optimizer state exists
        var weights = gan.DiscriminatorParameters.Values.clone();
        var buffers = gan.Discriminator.named_buffers().Select(b => (b.name, b.buffer.clone())).ToArray();
        var moments = gan.DiscriminatorOptimizer.StateTensors().Select(s => s.State.clone()).ToArray();
        long optimizerSteps = gan.DiscriminatorOptimizer.StepCount;

        long discriminatorUpdates = gan.DiscriminatorUpdates;
        gan.UpdateGeneratorOnce(batch);

        Assert.True(gan.DiscriminatorParameters.Values.allclose(weights, 0, 0), "weights changed");
        foreach (var (name, saved) in buffers)
            Assert.True(gan.Discriminator.named_buffers().Single(b => b.name == name).buffer.allclose(saved, 0, 0), $"{name} changed");
        var after = gan.DiscriminatorOptimizer.StateTensors().Select(s => s.State).ToArray();
        for (int i = 0; i < moments.Length; i++) Assert.True(after[i].allclose(moments[i], 0, 0), "optimizer state changed");
        Assert.Equal(optimizerSteps, gan.DiscriminatorOptimizer.StepCount);
        Assert.Equal(2, gan.GeneratorUpdates);
        Assert.Equal(discriminatorUpdates, gan.DiscriminatorUpdates); // look-ahead updates are not counted either
    }

    [Theory]
    [InlineData(Annealing.Linear, 0, 0.5)]
    [InlineData(Annealing.Linear, 50, 0.25)]
    [InlineData(Annealing.Linear, 100, 0.0)]
    [InlineData(Annealing.Linear, 250, 0.0)]
    [InlineData(Annealing.Exponential, 0, 0.5)]
    [InlineData(Annealing.Exponential, 50, 0.05)]
    [InlineData(Annealing.Exponential, 100, 0.005)]
    public void InstanceNoiseFollowsItsSchedule(Annealing annealing, long step, double sigma)
    {
        var noise = new InstanceNoise(0.5, 100, annealing);
        Assert.Equal(sigma, noise.SigmaAt(step), 12);
        using var scope = NewDisposeScope();
        var samples = zeros(20000, 2);
        var noisy = noise.Apply(samples, step);
        if (sigma == 0)
        {
            Assert.Null(noisy);
            return;
        }
        Assert.InRange(noisy!.std().item<float>(), sigma * 0.98, sigma * 1.02);
    }

    [Fact]
    public void LabelFlippingSwapsTargetsAtTheDeclaredRate()
    {
        manual_seed(25);
        using var loss = new NonSaturatingLoss(0.9) { FlipProbability = 0.2 };
        using var scope = NewDisposeScope();
        var scores = zeros(100000, 1);
        var targets = loss.FlippedTargets(scores, 0.9, 0.0);
        double flipped = targets.eq(0.0).to_type(ScalarType.Float64).mean().item<double>();
        Assert.InRange(flipped, 0.195, 0.205);
        Assert.True(targets.eq(0.0).logical_or(targets.eq(0.9f)).all().item<bool>());
        Assert.Throws<InvalidOperationException>(() => new WassersteinLoss { FlipProbability = 0.1 });
    }

    [Fact]
    public void R1IsHalfGammaTimesTheSquaredGradientNormAndLazyOnOffSteps()
    {
        using var critic = nn.Linear(2, 1);
        using (no_grad()) critic.weight!.copy_(tensor(new float[] { 3, 4 }).reshape(1, 2));
        using var penalty = new SampleGradientPenalty(gamma: 10, every: 4);
        using var scope = NewDisposeScope();
        var scorer = new ModuleScorer(critic);
        Assert.Null(penalty.Compute(scorer, randn(8, 2), null, step: 1));
        var value = penalty.Compute(scorer, randn(8, 2), null, step: 8)!;
        Assert.Equal(4 * 10 / 2.0 * 25, value.item<float>(), 2); // lazy: scaled by Every
        Assert.True(value.requires_grad);
    }

    [Fact]
    public void DraganIsLambdaTimesTheSquaredGradientNormGapAroundTheData()
    {
        using var critic = nn.Linear(2, 1);
        using (no_grad()) critic.weight!.copy_(tensor(new float[] { 0.6f, 0.8f * 3 }).reshape(1, 2));
        using var penalty = new DraganPenalty(weight: 10);
        using var scope = NewDisposeScope();
        double norm = Math.Sqrt(0.36 + 5.76);
        Assert.Equal(10 * (norm - 1) * (norm - 1), penalty.Compute(new ModuleScorer(critic), randn(8, 2), null).item<float>(), 3);
    }

    [Fact]
    public void WeightPenaltyAddsItsGradientAndClippingBoundsTheNorm()
    {
        using var module = nn.Linear(3, 2);
        using var parameters = new GanGen.Runtime.Optimization.FlatParameters(module);
        using var penalty = new WeightPenalty(0.5);
        using var clip = new GradientClip(0.1);
        using var scope = NewDisposeScope();
        parameters.Gradients.fill_(1.0);
        var expected = parameters.Values.mul(2 * 0.5).add(1.0);
        penalty.Apply(parameters);
        Assert.True(parameters.Gradients.allclose(expected, 1e-6, 1e-6));
        clip.Apply(parameters);
        Assert.InRange(parameters.Gradients.norm().item<float>(), 0.0999, 0.1001);
        parameters.Gradients.fill_(0.001);
        var small = parameters.Gradients.clone();
        clip.Apply(parameters);
        Assert.True(parameters.Gradients.allclose(small, 1e-4, 1e-7), "a gradient under the bound is left as it is");
    }

    [Fact]
    public void RelativisticHingeLossMatchesItsFormula()
    {
        using var loss = new RelativisticAverageLoss(GanLoss.Hinge);
        using var scope = NewDisposeScope();
        var real = tensor(new float[] { 2.0f, -0.5f, 0.3f }).unsqueeze(1);
        var fake = tensor(new float[] { -1.0f, 0.8f, -2.2f }).unsqueeze(1);
        double realMean = (2.0 - 0.5 + 0.3) / 3, fakeMean = (-1.0 + 0.8 - 2.2) / 3;
        double Relu(double v) => Math.Max(0, v);
        double discriminator = new[] { 2.0, -0.5, 0.3 }.Average(r => Relu(1 - (r - fakeMean))) + new[] { -1.0, 0.8, -2.2 }.Average(f => Relu(1 + (f - realMean)));
        double generator = new[] { -1.0, 0.8, -2.2 }.Average(f => Relu(1 - (f - realMean))) + new[] { 2.0, -0.5, 0.3 }.Average(r => Relu(1 + (r - fakeMean)));
        Assert.Equal(discriminator, loss.Discriminator(real, fake).item<float>(), 5);
        Assert.Equal(generator, loss.Generator(fake, real).item<float>(), 5);
        Assert.Throws<ArgumentException>(() => new RelativisticAverageLoss(GanLoss.Wasserstein));
    }

    [Fact]
    public void FeatureMatchingIsTheSquaredDistanceOfFeatureMeans()
    {
        using var matching = new FeatureMatching(0.5);
        using var scope = NewDisposeScope();
        var real = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);   // mean (2, 3)
        var fake = tensor(new float[] { 0, 0, 2, 2 }).reshape(2, 2);   // mean (1, 1)
        Assert.Equal(0.5 * (1 + 4), matching.Compute(real, fake).item<float>(), 5);
    }

    [Fact]
    public void MinibatchStdDevAppendsEachGroupsAverageDeviation()
    {
        using var scope = NewDisposeScope();
        // Groups of 2 pair samples (0, 2) and (1, 3).
        var x = tensor(new float[] { 0, 0, 1, 1, 2, 4, 1, 3 }).reshape(4, 2);
        var y = BatchStatistics.MinibatchStdDev(x, 2);
        Assert.Equal(new long[] { 4, 3 }, y.shape);
        // Pair (0, 2): features (0, 2) and (0, 4): std 1 and 2 → mean 1.5. Pair (1, 3): (1, 1) and (1, 3): 0 and 1 → 0.5.
        Assert.Equal(new float[] { 1.5f, 0.5f, 1.5f, 0.5f }, y.select(1, 2).data<float>().ToArray());
        Assert.Throws<ArgumentException>(() => BatchStatistics.MinibatchStdDev(randn(3, 2), 2));
    }

    [Fact]
    public void MinibatchDiscriminationScoresLookAlikesHigh()
    {
        manual_seed(26);
        using var layer = new MinibatchDiscrimination(3, 4, 2);
        using var scope = NewDisposeScope();
        var alike = randn(1, 3).expand(5, 3);
        var scores = layer.forward(alike);
        Assert.Equal(new long[] { 5, 7 }, scores.shape);
        // Five identical samples: each kernel sums exp(0) over the four others.
        Assert.True(scores.narrow(1, 3, 4).allclose(full(5, 4, 4.0f), 1e-5, 1e-5));
        var varied = layer.forward(randn(5, 3).mul_(10));
        Assert.True(varied.narrow(1, 3, 4).max().item<float>() < 4.0f);
    }

    [Fact]
    public void MinibatchDiscriminationMovedToAnotherDtypeTrainsTheMovedWeight()
    {
        // Module.to replaces the parameter through the member of its name; parameters() must then hold the new one,
        // or an optimizer over parameters() would update a tensor the forward no longer reads.
        using var layer = new MinibatchDiscrimination(3, 4, 2);
        layer.to(float64);

        var registered = layer.parameters().Single();
        Assert.Equal(ScalarType.Float64, registered.dtype);
        Assert.Same(layer.weight, registered);
        using var output = layer.call(randn(5, 3, dtype: float64));
        output.sum().backward();
        Assert.NotNull(registered.grad);
    }

    [Fact]
    public void MinibatchDiscriminationEqualsItsSumOverPairs()
    {
        manual_seed(31);
        using var layer = new MinibatchDiscrimination(3, 4, 2);
        using var scope = NewDisposeScope();
        var input = randn(6, 3);
        var scores = layer.forward(input);
        // o(xᵢ)_b = Σⱼ≠ᵢ exp(−Σ_c |Mᵢ,b,c − Mⱼ,b,c|) with M = x·T reshaped to [N, B, C], summed pair by pair.
        var rows = input.matmul(layer.weight).reshape(6, 4, 2).data<float>().ToArray();
        var expected = new float[6 * 4];
        for (int i = 0; i < 6; i++)
            for (int b = 0; b < 4; b++)
                for (int j = 0; j < 6; j++)
                {
                    if (j == i) continue;
                    double distance = 0;
                    for (int c = 0; c < 2; c++) distance += Math.Abs(rows[(i * 4 + b) * 2 + c] - rows[(j * 4 + b) * 2 + c]);
                    expected[i * 4 + b] += (float)Math.Exp(-distance);
                }
        Assert.True(scores.narrow(1, 0, 3).eq(input).all().item<bool>(), "the input features pass through first");
        Assert.True(scores.narrow(1, 3, 4).contiguous().allclose(tensor(expected).reshape(6, 4), 1e-5, 1e-5));

        // The gradient flows back to T as through the sum written out with broadcast differences.
        scores.sum().backward();
        var layerGradient = layer.weight.grad!.clone();
        var weight = layer.weight.detach().clone().requires_grad_();
        var m = input.matmul(weight).reshape(6, 4, 2);
        var pairs = m.unsqueeze(0).sub(m.unsqueeze(1)).abs().sum(dim: 3).neg().exp().sum(dim: 0).sub(1);
        pairs.sum().backward();
        Assert.True(layerGradient.allclose(weight.grad!, 1e-5, 1e-5), "minibatch discrimination's gradient differs from the written-out sum's");
    }

    [Fact]
    public void GeneratorStepsAndTheAdaptiveScheduleGiveTheLaggingNetworkMoreUpdates()
    {
        using var gan = new ScheduledGan(seed: 27);
        using var scope = NewDisposeScope();
        for (int i = 0; i < 10; i++) gan.Step(randn(16, 2));
        Assert.True(gan.ReadMetrics().IsFinite);
        // Two generator updates per round at least; the adaptive schedule adds up to two more to whichever lags.
        Assert.InRange(gan.GeneratorUpdates, 20, 60);
        Assert.InRange(gan.DiscriminatorUpdates, 10, 30);
        Assert.True(gan.GeneratorUpdates + gan.DiscriminatorUpdates > 30, "the adaptive schedule never gave an extra update");
    }

    [Fact]
    public void GeneratorAverageIsTheExponentialMovingAverageAndSamplingUsesIt()
    {
        using var gan = new AveragedGan(seed: 32);
        using var scope = NewDisposeScope();
        var before = gan.GeneratorParameters.Values.clone();
        gan.Step(randn(16, 2));
        var after = gan.GeneratorParameters.Values.clone();
        Assert.False(after.eq(before).all().item<bool>(), "the step should have moved the generator");
        // β·θ₀ + (1 − β)·θ₁ with β = 0.9, after one generator update.
        Assert.True(gan.GeneratorAverage!.Values.allclose(before.mul(0.9).add(after.mul(0.1)), 1e-6, 1e-7));

        var noise = randn(5, 4);
        var samples = gan.Generate(noise);
        Assert.True(gan.GeneratorParameters.Values.eq(after).all().item<bool>(), "sampling must put the trained weights back");
        gan.GeneratorParameters.Values.copy_(gan.GeneratorAverage.Values);
        gan.Generator.eval();
        using (no_grad()) Assert.True(samples.allclose(gan.Generator.forward(noise), 1e-6, 1e-6), "samples come from the averaged weights");
    }

    [Fact]
    public void EveryStabiliserDeclarationTrains()
    {
        using var scope = NewDisposeScope();
        using var noisy = new NoisyLabelsGan(seed: 28);
        using var penalised = new PenalisedGan(seed: 29);
        for (int i = 0; i < 6; i++)
        {
            noisy.Step(randn(16, 2));
            penalised.Step(randn(16, 2));
        }
        Assert.True(noisy.ReadMetrics().IsFinite);
        Assert.True(penalised.ReadMetrics().IsFinite);
    }

    private sealed class ModuleScorer : IDiscriminatorScorer
    {
        private readonly nn.Module<Tensor, Tensor> _module;

        public ModuleScorer(nn.Module<Tensor, Tensor> module) => _module = module;

        public Tensor Score(Tensor samples, Tensor? labels) => _module.forward(samples);
    }
}
