using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.Emit;

/// <summary>[Gan(Pack = n)] widens the discriminator's input n-fold at compile time and reaches the trainer's declaration.</summary>
public sealed class PackingEmitTests
{
    [Fact]
    public void Packed_discriminator_takes_joined_samples()
    {
        var run = GeneratorHarness.Run((ToyGan.Valid with { GanAttributes = "[Gan(Pack = 3)]\n[GanData(2)]" }).ToString());

        run.AssertCleanBuild();
        string source = run.SingleSource;
        Assert.Contains("Pack: 3);", source);
        Assert.Contains("Dense 6 → 16", source);           // 3 samples × 2 features
        Assert.Contains("nn.Linear(6L, 16L", source);
        Assert.Contains("Dense 4 → 16", source);           // the generator is untouched: latent 4
    }

    [Fact]
    public void Unpacked_declaration_does_not_mention_packing()
    {
        var run = GeneratorHarness.Run(ToyGan.Valid.ToString());

        run.AssertCleanBuild();
        Assert.DoesNotContain("Pack:", run.SingleSource);
    }
}
