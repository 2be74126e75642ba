using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Losses;

/// <summary>The Wasserstein critic (Arjovsky et al. 2017): D minimises mean C(f) − mean C(r); G minimises −mean C(f).</summary>
public sealed class WassersteinLoss : AdversarialLoss
{
    /// <inheritdoc />
    public override Tensor Discriminator(Tensor realScores, Tensor fakeScores)
    {
        using var realMean = realScores.mean();
        return fakeScores.mean().sub_(realMean);
    }

    /// <inheritdoc />
    public override Tensor Generator(Tensor fakeScores) => fakeScores.mean().neg_();
}

/// <summary>The hinge loss (Lim &amp; Ye 2017; Miyato et al. 2018): D minimises mean relu(1 − r) + mean relu(1 + f); G −mean f.</summary>
public sealed class HingeLoss : AdversarialLoss
{
    /// <inheritdoc />
    public override Tensor Discriminator(Tensor realScores, Tensor fakeScores)
    {
        using var realMargin = realScores.neg().add_(One, One).relu_();
        using var fakeMargin = fakeScores.add(One, One).relu_();
        using var fakeMean = fakeMargin.mean();
        return realMargin.mean().add_(fakeMean, One);
    }

    /// <inheritdoc />
    public override Tensor Generator(Tensor fakeScores) => fakeScores.mean().neg_();
}

/// <summary>Least squares (LSGAN, Mao et al. 2017, a = 0, b = c = 1): D ½ mean (r − 1)² + ½ mean f²; G ½ mean (f − 1)².</summary>
public sealed class LeastSquaresLoss : AdversarialLoss
{
    private readonly Scalar _half = 0.5;

    /// <inheritdoc />
    protected override bool HasTargets => true;

    /// <inheritdoc />
    public override Tensor Discriminator(Tensor realScores, Tensor fakeScores)
    {
        if (FlipProbability > 0)
        {
            using var realTargets = FlippedTargets(realScores, 1.0, 0.0);
            using var fakeTargets = FlippedTargets(fakeScores, 0.0, 1.0);
            using var realGap = realScores.sub(realTargets);
            using var fakeGap = fakeScores.sub(fakeTargets);
            using var realSquares = realGap.square();
            using var fakeSquares = fakeGap.square();
            using var fakeHalf = fakeSquares.mean();
            return realSquares.mean().add_(fakeHalf, One).mul_(_half);
        }
        using var realError = realScores.sub(One);
        using var realSquare = realError.square();
        using var fakeSquare = fakeScores.square();
        using var fakeMean = fakeSquare.mean();
        return realSquare.mean().add_(fakeMean, One).mul_(_half);
    }

    /// <inheritdoc />
    public override Tensor Generator(Tensor fakeScores)
    {
        using var error = fakeScores.sub(One);
        using var square = error.square();
        return square.mean().mul_(_half);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _half.Dispose();
        base.Dispose(disposing);
    }
}
