using System.Collections.Generic;
using System.Linq;
using GanGen.Examples.Models.ModeCollapse;
using Xunit.Abstractions;

namespace GanGen.Tests.Stabilizers;

/// <summary>
/// The effects the literature states, in short: on the 8-Gaussian ring, at a budget where the plain non-saturating GAN
/// collapses on some seeds, the unrolled GAN (Metz et al. 2017) and minibatch discrimination (Salimans et al. 2016)
/// cover the modes from the same seeds. The protocol and declarations are the stabiliser table's
/// (docs/stabilizers.md), at 2,000 steps of 64 instead of 10,000 of 256.
/// </summary>
public class StabilizerEffectTests
{
    private const int Steps = 2000, BatchSize = 64;

    /// <summary>Seeds tried for the plain GAN; measured here it collapsed on seeds 2 and 4 (0/8 modes) and covered 8/8 on 1, 3 and 5.</summary>
    private static readonly long[] Seeds = { 1, 2, 3, 4, 5, 6 };

    private readonly ITestOutputHelper _output;

    public StabilizerEffectTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Unrolling_and_minibatch_discrimination_cover_the_ring_where_the_plain_gan_collapses()
    {
        var collapsed = new List<(long Seed, int Modes)>();
        foreach (long seed in Seeds)
        {
            int modes = Modes("plain", MixtureRun.Train(new PlainGan(seed: seed), "ring", seed, Steps, BatchSize), seed);
            if (modes <= 4) collapsed.Add((seed, modes));
        }
        // A collapse is chaotic: which seeds collapse can change with the machine's floating-point kernels, so the
        // test asks for at least one among six (two measured here) and compares on whichever collapsed.
        Assert.True(collapsed.Count > 0, $"the plain GAN covered more than half the ring on every seed {string.Join(", ", Seeds)} at this budget");
        foreach (var (seed, plainModes) in collapsed.Take(2))
        {
            int unrolled = Modes("unrolled", MixtureRun.Train(new UnrolledGan(seed: seed), "ring", seed, Steps, BatchSize), seed);
            int minibatch = Modes("minibatch discrimination", MixtureRun.Train(new MinibatchDiscriminationGan(seed: seed), "ring", seed, Steps, BatchSize), seed);
            Assert.True(unrolled >= 7, $"seed {seed}: unrolled covered {unrolled}/8 modes where the plain GAN covered {plainModes}/8");
            Assert.True(minibatch >= 7, $"seed {seed}: minibatch discrimination covered {minibatch}/8 modes where the plain GAN covered {plainModes}/8");
        }
    }

    private int Modes(string row, MixtureResult result, long seed)
    {
        _output.WriteLine($"{row}, seed {seed}: {result.Coverage}");
        return result.Coverage.ModesCovered;
    }
}
