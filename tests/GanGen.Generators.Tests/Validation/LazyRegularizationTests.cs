using System;
using System.Globalization;
using System.Text.RegularExpressions;
using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.Validation;

/// <summary>
/// Lazy R1/R2 as StyleGAN2 trains it: the discriminator's learning rate × k/(k + 1) and Adam's β raised to k/(k + 1),
/// stated in the generated declaration (so the twin, which reads it, trains alike); the generator's left alone.
/// </summary>
public sealed class LazyRegularizationTests
{
    [Theory]
    [InlineData("R1(10, Every = 16)", 16)]
    [InlineData("R2(1, Every = 4)", 4)]
    [InlineData("R1(10)", 1)]
    public void The_lazily_regularised_discriminator_gets_corrected_learning_rate_and_betas(string penalty, int every)
    {
        var gan = ToyGan.Valid with
        {
            GanAttributes = $"[Gan, {penalty}]\n[GanData(2)]",
            GeneratorHeader = "[GanGenerator(Latent = 4), Adam(LearningRate = 0.002, Beta1 = 0, Beta2 = 0.99)]\npublic partial class G",
            DiscriminatorHeader = "[GanDiscriminator, Adam(LearningRate = 0.002, Beta1 = 0, Beta2 = 0.99)]\npublic partial class D",
        };
        string code = GeneratorHarness.Run(gan.ToString()).SingleSource;
        double r = every > 1 ? every / (every + 1.0) : 1.0; // an eager penalty (every step) changes nothing

        var (generatorRate, generatorBeta1, generatorBeta2) = Optimizer(code, "Generator");
        Assert.Equal((0.002, 0.0, 0.99), (generatorRate, generatorBeta1, generatorBeta2));
        var (rate, beta1, beta2) = Optimizer(code, "Discriminator");
        Assert.Equal(0.002 * r, rate, 12);
        Assert.Equal(0.0, beta1);
        Assert.Equal(Math.Pow(0.99, r), beta2, 12);
        Assert.Equal(every > 1, code.Contains($"learning rate × {every}/{every + 1}", StringComparison.Ordinal));
    }

    private static (double Rate, double Beta1, double Beta2) Optimizer(string code, string network)
    {
        var match = Regex.Match(code, network + @": new\(global::GanGen\.OptimizerKind\.Adam, LearningRate: (?<lr>[^,]+), Beta1: (?<b1>[^,]+), Beta2: (?<b2>[^,]+),");
        Assert.True(match.Success, $"no Adam declaration for the {network} in:\n{code}");
        double Read(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return (Read("lr"), Read("b1"), Read("b2"));
    }
}
