using GanGen.Tests.Declarations;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>
/// The single discriminator pass over [real; fake] that generated code uses for sample-independent discriminators
/// gives the scores and gradients of two separate passes.
/// </summary>
public class OnePassScoringTests
{
    [Fact]
    public void OnePassGivesTheScoresAndGradientsOfTwoPasses()
    {
        using var gan = new SmallBceGan(seed: 4);
        gan.Discriminator.eval(); // Dropout off, so both ways see the same function
        var weight = gan.Discriminator.Hidden.weight!;
        for (int round = 0; round < 2; round++)
        {
            using var real = rand(32, 4);
            using var fake = rand(32, 4).neg_();

            gan.DiscriminatorParameters.ZeroGrad();
            using var separateReal = gan.Discriminator.forward(real);
            using var separateFake = gan.Discriminator.forward(fake);
            using (var total = separateReal.sum() - separateFake.sum()) total.backward();
            using var separateGradient = weight.grad!.clone();

            gan.DiscriminatorParameters.ZeroGrad();
            gan.ScoreTogether(real, fake, out var jointReal, out var jointFake);
            using (jointReal)
            using (jointFake)
            {
                Assert.Equal(new long[] { 32, 1 }, jointReal.shape);
                Assert.Equal(new long[] { 32, 1 }, jointFake.shape);
                Assert.True(jointReal.allclose(separateReal, rtol: 1e-5, atol: 1e-6), $"round {round}: real scores differ");
                Assert.True(jointFake.allclose(separateFake, rtol: 1e-5, atol: 1e-6), $"round {round}: fake scores differ");
                using (var total = jointReal.sum() - jointFake.sum()) total.backward();
            }
            Assert.True(weight.grad!.allclose(separateGradient, rtol: 1e-5, atol: 1e-6), $"round {round}: gradients differ");
            Assert.True(separateGradient.abs().sum().item<float>() > 0);
        }
    }

    [Fact]
    public void FakeBatchOfAnotherSizeIsScoredSeparately()
    {
        using var gan = new SmallBceGan(seed: 5);
        gan.Discriminator.eval();
        using var real = rand(16, 4);
        using var fake = rand(10, 4);
        gan.ScoreTogether(real, fake, out var realScores, out var fakeScores);
        using (realScores)
        using (fakeScores)
        using (var expected = gan.Discriminator.forward(fake))
        {
            Assert.Equal(new long[] { 16, 1 }, realScores.shape);
            Assert.Equal(new long[] { 10, 1 }, fakeScores.shape);
            Assert.True(fakeScores.allclose(expected));
        }
    }
}
