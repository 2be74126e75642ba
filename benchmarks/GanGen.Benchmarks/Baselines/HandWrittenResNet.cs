using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Benchmarks.Baselines;

/// <summary>
/// <see cref="GanGen.Examples.Models.FashionResNet"/> as a competent TorchSharp user writes it: residual block modules
/// with their own forward, spectral normalisation by hand (TorchSharp has none: one power-iteration step per forward, as
/// Miyato et al.'s Algorithm 1), the hinge loss, the built-in Adam(2e-4, β = (0, 0.9)), a dispose scope per step and
/// item() every step. The same layers, widths and work per step as the declaration.
/// </summary>
public sealed class HandWrittenResNet : IDisposable
{
    private const int Latent = 128, Width = 64;
    private readonly Generator _generator = new();
    private readonly Critic _critic = new();
    private readonly optim.Optimizer _generatorOptimizer;
    private readonly optim.Optimizer _criticOptimizer;

    public HandWrittenResNet(long seed)
    {
        manual_seed(seed);
        _generatorOptimizer = optim.Adam(_generator.parameters(), 2e-4, 0.0, 0.9);
        _criticOptimizer = optim.Adam(_critic.parameters(), 2e-4, 0.0, 0.9);
    }

    /// <summary>One critic update and one generator update (hinge loss); returns both losses read back to the host.</summary>
    public (float Discriminator, float Generator) TrainStep(Tensor real)
    {
        using var scope = NewDisposeScope();
        var fake = _generator.forward(randn(real.size(0), Latent));
        var lossD = nn.functional.relu(1 - _critic.forward(real)).mean() + nn.functional.relu(1 + _critic.forward(fake.detach())).mean();
        _criticOptimizer.zero_grad();
        lossD.backward();
        _criticOptimizer.step();

        var lossG = -_critic.forward(fake).mean();
        _generatorOptimizer.zero_grad();
        lossG.backward();
        _generatorOptimizer.step();
        return (lossD.item<float>(), lossG.item<float>());
    }

    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _criticOptimizer.Dispose();
        _generator.Dispose();
        _critic.Dispose();
    }

    private sealed class Generator : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _project = nn.Linear(Latent, Width * 7 * 7);
        private readonly UpBlock _up1 = new(), _up2 = new();
        private readonly BatchNorm2d _norm = nn.BatchNorm2d(Width);
        private readonly Conv2d _output = nn.Conv2d(Width, 1, 3, padding: 1);

        public Generator() : base(nameof(Generator)) => RegisterComponents();

        public override Tensor forward(Tensor z)
        {
            var x = _project.forward(z).view(-1, Width, 7, 7);
            x = _up2.forward(_up1.forward(x));
            return _output.forward(nn.functional.relu(_norm.forward(x))).tanh();
        }
    }

    private sealed class UpBlock : nn.Module<Tensor, Tensor>
    {
        private readonly BatchNorm2d _norm1 = nn.BatchNorm2d(Width), _norm2 = nn.BatchNorm2d(Width);
        private readonly Conv2d _conv1 = nn.Conv2d(Width, Width, 3, padding: 1, bias: false), _conv2 = nn.Conv2d(Width, Width, 3, padding: 1);

        public UpBlock() : base(nameof(UpBlock)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            var shortcut = nn.functional.interpolate(x, scale_factor: new[] { 2.0, 2.0 });
            var h = nn.functional.interpolate(nn.functional.relu(_norm1.forward(x)), scale_factor: new[] { 2.0, 2.0 });
            h = _conv2.forward(nn.functional.relu(_norm2.forward(_conv1.forward(h))));
            return shortcut + h;
        }
    }

    private sealed class Critic : nn.Module<Tensor, Tensor>
    {
        private readonly SpectralConv _shortcut1 = new(1, Width, 1), _conv11 = new(1, Width, 3), _conv12 = new(Width, Width, 3);
        private readonly SpectralConv _conv21 = new(Width, Width, 3), _conv22 = new(Width, Width, 3);
        private readonly SpectralConv _conv31 = new(Width, Width, 3), _conv32 = new(Width, Width, 3);
        private readonly SpectralLinear _score = new(Width, 1);

        public Critic() : base(nameof(Critic)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            // The first block: conv, ReLU, conv, pool, plus pool then 1×1 conv of the image.
            var h = nn.functional.avg_pool2d(_conv12.forward(nn.functional.relu(_conv11.forward(x))), 2);
            h = h + _shortcut1.forward(nn.functional.avg_pool2d(x, 2));
            // Down-sampling block with an identity shortcut, then a block that keeps the size.
            h = nn.functional.avg_pool2d(h, 2) + nn.functional.avg_pool2d(_conv22.forward(nn.functional.relu(_conv21.forward(nn.functional.relu(h)))), 2);
            h = h + _conv32.forward(nn.functional.relu(_conv31.forward(nn.functional.relu(h))));
            return _score.forward(nn.functional.relu(h).sum(new long[] { 2, 3 }));
        }
    }

    /// <summary>A convolution whose weight is divided by its largest singular value, estimated by one power iteration per forward.</summary>
    private sealed class SpectralConv : nn.Module<Tensor, Tensor>
    {
        private readonly Conv2d _conv;
        private readonly Tensor _u;

        public SpectralConv(long input, long output, long kernel) : base(nameof(SpectralConv))
        {
            _conv = nn.Conv2d(input, output, kernel, padding: kernel / 2);
            _u = nn.functional.normalize(randn(output), dim: 0);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) =>
            nn.functional.conv2d(x, Normalised(_conv.weight!, _u), _conv.bias, padding: new[] { _conv.padding![0], _conv.padding[1] });
    }

    private sealed class SpectralLinear : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _linear;
        private readonly Tensor _u;

        public SpectralLinear(long input, long output) : base(nameof(SpectralLinear))
        {
            _linear = nn.Linear(input, output);
            _u = nn.functional.normalize(randn(output), dim: 0);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => nn.functional.linear(x, Normalised(_linear.weight!, _u), _linear.bias);
    }

    /// <summary>
    /// W / σ(W), σ = uᵀWv after one power-iteration step (u updated in place). σ's graph holds copies of u and v, not
    /// u itself: the critic runs three times before a backward, and each run updates u.
    /// </summary>
    private static Tensor Normalised(Tensor weight, Tensor u)
    {
        var matrix = weight.flatten(1);
        Tensor left, right;
        using (no_grad())
        {
            right = nn.functional.normalize(matrix.t().mv(u), dim: 0);
            u.copy_(nn.functional.normalize(matrix.mv(right), dim: 0));
            left = u.clone();
        }
        var sigma = left.dot(matrix.mv(right));
        return weight / sigma;
    }
}
