using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

/// <summary>
/// The adversarial loss catalogue, on raw discriminator outputs (logits or critic scores). Formulas follow the
/// papers cited on <see cref="GanLoss"/>; BCE terms use softplus, the numerically stable form of −log σ.
/// </summary>
public static class GanLosses
{
    /// <summary>
    /// BCE discriminator loss: mean[t·softplus(−r) + (1−t)·softplus(r)] + mean softplus(f), i.e.
    /// BCE(σ(r), t) + BCE(σ(f), 0), with real target t (t &lt; 1 is one-sided label smoothing).
    /// Shared by the minimax and non-saturating games.
    /// </summary>
    public static Tensor BceDiscriminator(Tensor realLogits, Tensor fakeLogits, GanLossConstants constants)
    {
        var realTerm = nn.functional.softplus(realLogits.neg());
        if (constants.RealLabelValue != 1.0)
            realTerm = realTerm.mul(constants.RealLabel).add_(nn.functional.softplus(realLogits).mul_(constants.FakeShareOfRealTarget));
        return realTerm.mean() + nn.functional.softplus(fakeLogits).mean();
    }

    /// <summary>Saturating minimax generator loss: mean log(1 − σ(f)) = −mean softplus(f).</summary>
    public static Tensor MinimaxGenerator(Tensor fakeLogits) => nn.functional.softplus(fakeLogits).mean().neg_();

    /// <summary>Non-saturating generator loss: −mean log σ(f) = mean softplus(−f).</summary>
    public static Tensor NonSaturatingGenerator(Tensor fakeLogits) => nn.functional.softplus(fakeLogits.neg()).mean();

    /// <summary>Wasserstein critic loss: mean C(f) − mean C(r).</summary>
    public static Tensor WassersteinCritic(Tensor realScores, Tensor fakeScores) => fakeScores.mean() - realScores.mean();

    /// <summary>Wasserstein (and hinge) generator loss: −mean C(f).</summary>
    public static Tensor WassersteinGenerator(Tensor fakeScores) => fakeScores.mean().neg_();

    /// <summary>Hinge discriminator loss: mean relu(1 − r) + mean relu(1 + f).</summary>
    public static Tensor HingeDiscriminator(Tensor realScores, Tensor fakeScores, GanLossConstants constants) =>
        realScores.neg().add_(constants.One).relu_().mean() + fakeScores.add(constants.One).relu_().mean();

    /// <summary>LSGAN discriminator loss: ½ mean (r − 1)² + ½ mean f².</summary>
    public static Tensor LeastSquaresDiscriminator(Tensor realScores, Tensor fakeScores, GanLossConstants constants) =>
        (realScores.sub(constants.One).square().mean() + fakeScores.square().mean()).mul_(constants.Half);

    /// <summary>LSGAN generator loss: ½ mean (f − 1)².</summary>
    public static Tensor LeastSquaresGenerator(Tensor fakeScores, GanLossConstants constants) =>
        fakeScores.sub(constants.One).square().mean().mul_(constants.Half);

    /// <summary>
    /// WGAN-GP penalty λ·mean (‖∇ₓ̂ C(x̂)‖₂ − 1)² on x̂ = f + ε(r − f), ε ~ U(0, 1) per sample (Gulrajani et al. 2017).
    /// The graph is kept (<c>create_graph</c>) so the penalty itself is differentiated.
    /// </summary>
    /// <param name="critic">The critic.</param>
    /// <param name="real">Real batch.</param>
    /// <param name="fake">Detached fake batch of the same shape.</param>
    /// <param name="constants">Holds λ.</param>
    public static Tensor GradientPenalty(nn.Module<Tensor, Tensor> critic, Tensor real, Tensor fake, GanLossConstants constants)
    {
        var epsilonShape = new long[real.dim()];
        epsilonShape[0] = real.size(0);
        for (int i = 1; i < epsilonShape.Length; i++) epsilonShape[i] = 1;
        var epsilon = rand(epsilonShape, dtype: real.dtype, device: real.device);
        var interpolates = fake.lerp(real, epsilon).requires_grad_(true);
        var scores = critic.forward(interpolates);
        var gradients = autograd.grad(new[] { scores.sum() }, new[] { interpolates }, retain_graph: true, create_graph: true)[0];
        // Out-of-place sub/square: norm's and square's backward read the values an in-place op would overwrite.
        return gradients.flatten(1).norm(1, false, 2).sub(constants.One).square().mean().mul_(constants.GradientPenalty);
    }
}
