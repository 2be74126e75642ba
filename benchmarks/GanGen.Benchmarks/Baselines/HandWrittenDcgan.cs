using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Benchmarks.Baselines;

/// <summary>
/// The Fashion-MNIST DCGAN as a competent TorchSharp user writes it from pytorch/examples' dcgan/main.py, at 28×28:
/// Sequential networks, DCGAN initialisation, the built-in Adam, a dispose scope per step, item() every step.
/// Same architecture, initialisation order, hyper-parameters and random draws as <see cref="GanGen.Examples.Models.FashionDcgan"/>.
/// </summary>
public sealed class HandWrittenDcgan : IDisposable
{
    private const int Latent = 100;
    private readonly Sequential _generator;
    private readonly Sequential _discriminator;
    private readonly optim.Optimizer _generatorOptimizer;
    private readonly optim.Optimizer _discriminatorOptimizer;

    public HandWrittenDcgan(long seed)
    {
        manual_seed(seed);
        _generator = nn.Sequential(
            nn.ConvTranspose2d(Latent, 128, 7, stride: 1, padding: 0L, bias: false),
            nn.BatchNorm2d(128), nn.ReLU(),
            nn.ConvTranspose2d(128, 64, 4, stride: 2, padding: 1L, bias: false),
            nn.BatchNorm2d(64), nn.ReLU(),
            nn.ConvTranspose2d(64, 1, 4, stride: 2, padding: 1L, bias: false),
            nn.Tanh());
        Initialize(_generator);
        _discriminator = nn.Sequential(
            nn.Conv2d(1, 64, 4, stride: 2, padding: 1L, bias: false), nn.LeakyReLU(0.2),
            nn.Conv2d(64, 128, 4, stride: 2, padding: 1L, bias: false),
            nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
            nn.Conv2d(128, 1, 7, stride: 1, padding: 0L, bias: false),
            nn.Flatten());
        Initialize(_discriminator);
        using (randn(64, Latent)) { } // the generated trainer draws its fixed noise here; keep the streams aligned
        _generatorOptimizer = optim.Adam(_generator.parameters(), 2e-4, 0.5, 0.999);
        _discriminatorOptimizer = optim.Adam(_discriminator.parameters(), 2e-4, 0.5, 0.999);
    }

    /// <summary>One D update and one G update; returns both losses read back to the host.</summary>
    public (float Discriminator, float Generator) TrainStep(Tensor real)
    {
        using var scope = NewDisposeScope();
        var noise = randn(real.size(0), Latent, 1, 1);
        var fake = _generator.forward(noise);

        var realLogits = _discriminator.forward(real);
        var fakeLogits = _discriminator.forward(fake.detach());
        var lossD = nn.functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
                  + nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
        _discriminatorOptimizer.zero_grad();
        lossD.backward();
        _discriminatorOptimizer.step();

        var output = _discriminator.forward(fake);
        var lossG = nn.functional.binary_cross_entropy_with_logits(output, ones_like(output));
        _generatorOptimizer.zero_grad();
        lossG.backward();
        _generatorOptimizer.step();
        return (lossD.item<float>(), lossG.item<float>());
    }

    /// <summary>pytorch/examples' weights_init: conv N(0, 0.02), BatchNorm weight N(1, 0.02) and bias 0.</summary>
    private static void Initialize(Sequential network)
    {
        using var _ = no_grad();
        foreach (var (_, module) in network.named_modules())
        {
            switch (module)
            {
                case Conv2d conv: nn.init.normal_(conv.weight!, 0.0, 0.02); break;
                case ConvTranspose2d deconv: nn.init.normal_(deconv.weight!, 0.0, 0.02); break;
                case BatchNorm2d norm:
                    nn.init.normal_(norm.weight!, 1.0, 0.02);
                    norm.bias!.fill_(0.0);
                    break;
            }
        }
    }

    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
