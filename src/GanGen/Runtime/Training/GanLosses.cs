using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

/// <summary>
/// The adversarial loss catalogue, on raw discriminator outputs (logits or critic scores). Formulas follow the
/// papers cited on <see cref="GanLoss"/>; BCE terms use softplus, the numerically stable form of −log σ.
/// </summary>
/// <remarks>
/// Every intermediate is disposed as soon as it is used (the autograd graph keeps what backward needs), so a
/// training step needs no dispose scope and allocates no scope bookkeeping.
/// </remarks>
public static class GanLosses
{
    /// <summary>
    /// BCE discriminator loss: −mean[t·log σ(r) + (1−t)·log σ(−r)] − mean log σ(−f), i.e. BCE(σ(r), t) + BCE(σ(f), 0),
    /// with real target t (t &lt; 1 is one-sided label smoothing). Shared by the minimax and non-saturating games.
    /// </summary>
    public static Tensor BceDiscriminator(Tensor realLogits, Tensor fakeLogits, GanLossConstants constants)
    {
        using var realTerm = RealLogLikelihood(realLogits, constants);
        using var negatedFake = fakeLogits.neg();
        using var fakeTerm = negatedFake.log_sigmoid();
        using var fakeMean = fakeTerm.mean();
        return realTerm.mean().add_(fakeMean, constants.One).neg_();
    }

    /// <summary>Saturating minimax generator loss: mean log(1 − σ(f)) = mean log σ(−f).</summary>
    public static Tensor MinimaxGenerator(Tensor fakeLogits)
    {
        using var negated = fakeLogits.neg();
        using var term = negated.log_sigmoid();
        return term.mean();
    }

    /// <summary>Non-saturating generator loss: −mean log σ(f).</summary>
    public static Tensor NonSaturatingGenerator(Tensor fakeLogits)
    {
        using var term = fakeLogits.log_sigmoid();
        return term.mean().neg_();
    }

    /// <summary>Wasserstein critic loss: mean C(f) − mean C(r).</summary>
    public static Tensor WassersteinCritic(Tensor realScores, Tensor fakeScores)
    {
        using var realMean = realScores.mean();
        return fakeScores.mean().sub_(realMean);
    }

    /// <summary>Wasserstein (and hinge) generator loss: −mean C(f).</summary>
    public static Tensor WassersteinGenerator(Tensor fakeScores) => fakeScores.mean().neg_();

    /// <summary>Hinge discriminator loss: mean relu(1 − r) + mean relu(1 + f).</summary>
    public static Tensor HingeDiscriminator(Tensor realScores, Tensor fakeScores, GanLossConstants constants)
    {
        using var realMargin = realScores.neg().add_(constants.One, constants.One).relu_();
        using var fakeMargin = fakeScores.add(constants.One, constants.One).relu_();
        using var fakeMean = fakeMargin.mean();
        return realMargin.mean().add_(fakeMean, constants.One);
    }

    /// <summary>LSGAN discriminator loss: ½ mean (r − 1)² + ½ mean f².</summary>
    public static Tensor LeastSquaresDiscriminator(Tensor realScores, Tensor fakeScores, GanLossConstants constants)
    {
        using var realError = realScores.sub(constants.One);
        using var realSquare = realError.square();
        using var fakeSquare = fakeScores.square();
        using var fakeMean = fakeSquare.mean();
        return realSquare.mean().add_(fakeMean, constants.One).mul_(constants.Half);
    }

    /// <summary>LSGAN generator loss: ½ mean (f − 1)².</summary>
    public static Tensor LeastSquaresGenerator(Tensor fakeScores, GanLossConstants constants)
    {
        using var error = fakeScores.sub(constants.One);
        using var square = error.square();
        return square.mean().mul_(constants.Half);
    }

    /// <summary>
    /// WGAN-GP penalty λ·mean (‖∇ₓ̂ C(x̂)‖₂ − 1)² on x̂ = f + ε(r − f), ε ~ U(0, 1) per sample (Gulrajani et al. 2017).
    /// The graph is kept (<c>create_graph</c>) so the penalty itself is differentiated.
    /// </summary>
    /// <param name="critic">The critic.</param>
    /// <param name="real">Real batch.</param>
    /// <param name="fake">Detached fake batch of the same shape.</param>
    /// <param name="epsilon">A [N, 1, …] buffer, refilled here with U(0, 1).</param>
    /// <param name="constants">Holds λ.</param>
    public static Tensor GradientPenalty(nn.Module<Tensor, Tensor> critic, Tensor real, Tensor fake, Tensor epsilon, GanLossConstants constants)
    {
        epsilon.uniform_(0.0, 1.0);
        using var interpolates = fake.lerp(real, epsilon).requires_grad_(true);
        using var scores = critic.forward(interpolates);
        using var total = scores.sum();
        var gradients = autograd.grad(new[] { total }, new[] { interpolates }, retain_graph: true, create_graph: true);
        using var gradient = gradients[0];
        using var flat = gradient.flatten(1);
        using var norms = flat.norm(1, false, 2);
        // Out-of-place sub/square: norm's and square's backward read the values an in-place op would overwrite.
        using var gap = norms.sub(constants.One);
        using var square = gap.square();
        return square.mean().mul_(constants.GradientPenalty);
    }

    /// <summary>Creates the per-sample ε buffer <see cref="GradientPenalty"/> refills: [N, 1, …, 1] like <paramref name="real"/>.</summary>
    public static Tensor PenaltyEpsilon(Tensor real)
    {
        var shape = new long[real.dim()];
        shape[0] = real.size(0);
        for (int i = 1; i < shape.Length; i++) shape[i] = 1;
        return empty(shape, dtype: real.dtype, device: real.device);
    }

    /// <summary>t·log σ(r) + (1 − t)·log σ(−r) per sample (log σ avoids softplus, whose TorchSharp binding allocates two Scalars per call).</summary>
    private static Tensor RealLogLikelihood(Tensor realLogits, GanLossConstants constants)
    {
        var term = realLogits.log_sigmoid();
        if (constants.RealLabelValue == 1.0) return term;
        using var negated = realLogits.neg();
        using var other = negated.log_sigmoid();
        using var weighted = term.mul(constants.RealLabel);
        term.Dispose();
        return weighted.add(other.mul_(constants.FakeShareOfRealTarget), constants.One);
    }
}
