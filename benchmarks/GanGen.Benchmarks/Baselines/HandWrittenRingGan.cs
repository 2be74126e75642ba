using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Benchmarks.Baselines;

/// <summary>
/// The ring GAN as a competent TorchSharp user writes it from the TorchSharp examples: Sequential networks, the
/// built-in Adam over parameters(), a dispose scope per step and item() every step. Same architecture,
/// initialisation order, hyper-parameters and random draws as <see cref="Declarations.BenchRingGan"/>.
/// </summary>
public sealed class HandWrittenRingGan : IDisposable
{
    private const int Latent = 8;
    private readonly Sequential _generator;
    private readonly Sequential _discriminator;
    private readonly optim.Optimizer _generatorOptimizer;
    private readonly optim.Optimizer _discriminatorOptimizer;

    public HandWrittenRingGan(long seed)
    {
        manual_seed(seed);
        _generator = nn.Sequential(
            nn.Linear(Latent, 128), nn.ReLU(),
            nn.Linear(128, 128), nn.ReLU(),
            nn.Linear(128, 2));
        _discriminator = nn.Sequential(
            nn.Linear(2, 128), nn.LeakyReLU(0.2),
            nn.Linear(128, 128), nn.LeakyReLU(0.2),
            nn.Linear(128, 1));
        using (randn(64, Latent)) { } // the generated trainer draws its fixed noise here; keep the streams aligned
        _generatorOptimizer = optim.Adam(_generator.parameters(), 2e-4, 0.5, 0.999);
        _discriminatorOptimizer = optim.Adam(_discriminator.parameters(), 2e-4, 0.5, 0.999);
    }

    /// <summary>One D update and one G update; returns both losses read back to the host.</summary>
    public (float Discriminator, float Generator) TrainStep(Tensor real)
    {
        using var scope = NewDisposeScope();
        var noise = randn(real.size(0), Latent);
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

    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
