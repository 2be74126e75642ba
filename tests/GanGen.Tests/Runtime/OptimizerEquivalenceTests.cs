using System;
using System.Collections.Generic;
using GanGen.Runtime.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Tests.Runtime;

/// <summary>The flat-buffer optimizers must compute what torch.optim computes (same math, so a fair comparison).</summary>
public class OptimizerEquivalenceTests
{
    private const int Steps = 25;

    public static IEnumerable<object[]> Settings() => new[]
    {
        new object[] { new OptimizerSettings(OptimizerKind.Adam, 2e-3, Beta1: 0.5, Beta2: 0.999) },
        new object[] { new OptimizerSettings(OptimizerKind.Adam, 1e-3, Beta1: 0.0, Beta2: 0.9, WeightDecay: 1e-2) },
        new object[] { new OptimizerSettings(OptimizerKind.RMSprop, 5e-3, Alpha: 0.99) },
        new object[] { new OptimizerSettings(OptimizerKind.Sgd, 1e-2, Momentum: 0.9) },
        new object[] { new OptimizerSettings(OptimizerKind.Sgd, 5e-2) },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void LeanOptimizerMatchesTorchOptim(OptimizerSettings settings)
    {
        using var reference = CreateModel();
        using var lean = CreateModel();
        using var builtIn = CreateBuiltIn(reference, settings);
        using var flat = new FlatParameters(lean);
        using var optimizer = GanOptimizer.Create(flat, settings);
        var random = new Generator(7);

        for (int step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            var input = randn(new long[] { 16, 5 }, generator: random);
            builtIn.zero_grad();
            Loss(reference, input).backward();
            builtIn.step();

            optimizer.ZeroGrad();
            Loss(lean, input).backward();
            optimizer.Step();
        }

        var expected = reference.parameters().GetEnumerator();
        foreach (var actual in lean.parameters())
        {
            Assert.True(expected.MoveNext());
            using var difference = (actual - expected.Current).abs().max();
            using var scale = expected.Current.abs().max();
            double relative = difference.item<float>() / Math.Max(1e-12, scale.item<float>());
            Assert.True(relative <= 1e-6, $"{settings.Kind}: relative difference {relative:E2} after {Steps} steps exceeds 1e-6");
        }
    }

    [Fact]
    public void FlatParametersKeepNamesAndReceiveGradients()
    {
        using var model = CreateModel();
        using var flat = new FlatParameters(model);
        Assert.Equal(5 * 8 + 8 + 8 * 1 + 1, flat.Count);
        var names = new List<string>();
        foreach (var (name, _) in model.named_parameters()) names.Add(name);
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, names);

        using (var scope = NewDisposeScope())
        {
            Loss(model, ones(3, 5)).backward();
        }
        using var gradientNorm = flat.Gradients.abs().sum();
        Assert.True(gradientNorm.item<float>() > 0, "backward must accumulate into the flat gradient buffer");
        flat.ZeroGrad();
        using var cleared = flat.Gradients.abs().sum();
        Assert.Equal(0f, cleared.item<float>());
    }

    private static Sequential CreateModel()
    {
        manual_seed(3);
        return nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 1));
    }

    private static Tensor Loss(nn.Module<Tensor, Tensor> model, Tensor input) => model.forward(input).square().mean();

    private static optim.Optimizer CreateBuiltIn(Sequential model, OptimizerSettings s) => s.Kind switch
    {
        OptimizerKind.Adam => optim.Adam(model.parameters(), s.LearningRate, s.Beta1, s.Beta2, s.Epsilon, s.WeightDecay),
        OptimizerKind.RMSprop => optim.RMSProp(model.parameters(), s.LearningRate, s.Alpha, s.Epsilon, s.WeightDecay),
        _ => optim.SGD(model.parameters(), s.LearningRate, s.Momentum, weight_decay: s.WeightDecay),
    };
}
