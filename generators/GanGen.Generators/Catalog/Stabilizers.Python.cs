using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

// The twins of the stabilisers, each computing what its GanGen runtime class (or, for the loss and schedule settings,
// its runtime counterpart) computes, operation for operation so float32 results agree; random numbers come from draws.

internal sealed partial class R1Kind
{
    public override string PythonDefinition => SampleGradientPenalty(Name, "real");

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) => SampleGradientPenaltyConstruct(Name, spec);

    public override string PythonDiscriminatorTerm(RegularizerSpec spec) => $"{PythonObject}.compute(nets, real, labels, step)";

    /// <summary>
    /// R1 and R2 differ only in the batch they penalise, so one class text serves both (GanGen's SampleGradientPenalty):
    /// γ/2 · mean ‖∇ D(x)‖², on every Every-th step only and then scaled by Every; None on the steps it skips.
    /// </summary>
    internal static string SampleGradientPenalty(string name, string samples) => $$""""
        class {{name}}:
            """{{name}} (Mescheder et al. 2018): gamma / 2 * mean ||grad D(x)||^2 on {{samples}} samples; lazy when every > 1
            (computed every `every` steps and scaled by `every`, Karras et al. 2020), None on the steps it skips."""

            def __init__(self, gamma, every):
                self.gamma = gamma
                self.every = every

            def compute(self, nets, samples, labels, step):
                if step % self.every != 0:
                    return None
                inputs = samples.detach().requires_grad_(True)
                total = score(nets, inputs, labels).sum()
                (gradient,) = torch.autograd.grad(total, inputs, retain_graph=True, create_graph=True)
                return gradient.flatten(1).square().sum(1).mean() * (self.gamma / 2 * self.every)
        """";

    internal static string SampleGradientPenaltyConstruct(string name, RegularizerSpec spec) =>
        $"{name}(gamma={PythonNames.Float(spec["Gamma"])}, every={PythonNames.Int((long)spec["Every"])})";
}

internal sealed partial class R2Kind
{
    public override string PythonDefinition => R1Kind.SampleGradientPenalty(Name, "generated");

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) => R1Kind.SampleGradientPenaltyConstruct(Name, spec);

    public override string PythonDiscriminatorTerm(RegularizerSpec spec) => $"{PythonObject}.compute(nets, fake, labels, step)";
}

internal sealed partial class DraganPenaltyKind
{
    // δ = (2u − 1)·Spread·std(x) with u from draws, in GanGen's order of operations (u·2s − s, then ·std).
    public override string PythonDefinition => """"
        class DraganPenalty:
            """DRAGAN (Kodali et al. 2017): weight * mean (||grad D(x + delta)||_2 - 1)^2, delta uniform in +-spread * std(x)."""

            def __init__(self, weight, spread):
                self.weight = weight
                self.spread = spread

            def compute(self, nets, real, labels, draws):
                scale = real.std()
                offsets = draws.uniform(list(real.shape)).to(real).mul(2 * self.spread).sub(self.spread).mul(scale)
                perturbed = real.add(offsets).detach().requires_grad_(True)
                total = score(nets, perturbed, labels).sum()
                (gradient,) = torch.autograd.grad(total, perturbed, retain_graph=True, create_graph=True)
                norms = gradient.flatten(1).norm(2, dim=1)
                return (norms - 1).square().mean() * self.weight
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) =>
        $"DraganPenalty(weight={PythonNames.Float(spec["Weight"])}, spread={PythonNames.Float(spec["Spread"])})";

    public override string PythonDiscriminatorTerm(RegularizerSpec spec) => $"{PythonObject}.compute(nets, real, labels, draws)";
}

internal sealed partial class WeightPenaltyKind
{
    public override string PythonDefinition => """"
        class WeightPenalty:
            """An L2 penalty weight * ||theta||^2 on a network's weights, added as its gradient 2 * weight * theta before the optimizer step."""

            def __init__(self, weight):
                self.weight = weight

            def apply(self, network):
                with torch.no_grad():
                    for parameter in network.parameters():
                        rt.gradient_of(parameter).add_(parameter, alpha=2 * self.weight)
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) => $"WeightPenalty(weight={PythonNames.Float(spec["Weight"])})";

    public override string PythonBeforeDiscriminatorStep(RegularizerSpec spec) => $"{PythonObject}.apply(nets.gan.discriminator)";
}

internal sealed partial class GradientClipKind
{
    // Not torch.nn.utils.clip_grad_norm_, which takes the norm of per-parameter norms: GanGen takes one norm over its
    // flat gradient buffer, and so does this (the gradients concatenated in parameter order).
    public override string PythonDefinition => """"
        class GradientClip:
            """Gradient-norm clipping over all of a network's parameters: the gradient scaled by min(1, max_norm / (||g||_2 + 1e-6))."""

            def __init__(self, max_norm):
                self.max_norm = max_norm

            def apply(self, network):
                with torch.no_grad():
                    gradients = [rt.gradient_of(parameter) for parameter in network.parameters()]
                    norm = torch.cat([gradient.flatten() for gradient in gradients]).norm()
                    factor = ((norm + 1e-6).reciprocal() * self.max_norm).clamp(max=1.0)
                    for gradient in gradients:
                        gradient.mul_(factor)
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) => $"GradientClip(max_norm={PythonNames.Float(spec["MaxNorm"])})";

    public override string? PythonBeforeDiscriminatorStep(RegularizerSpec spec) =>
        (TargetNetworks)(int)spec["Networks"] == TargetNetworks.Generator ? null : $"{PythonObject}.apply(nets.gan.discriminator)";

    public override string? PythonBeforeGeneratorStep(RegularizerSpec spec) =>
        (TargetNetworks)(int)spec["Networks"] == TargetNetworks.Discriminator ? null : $"{PythonObject}.apply(nets.gan.generator)";
}

internal sealed partial class InstanceNoiseKind
{
    // The schedule in float64 as GanGen's SigmaAt computes it (Python's ** and .NET's Math.Pow both call the C library's pow).
    public override string PythonDefinition => """"
        class InstanceNoise:
            """Instance noise (Sonderby et al. 2016): x + sigma_t * N(0, 1) on every discriminator input, sigma_t annealed from
            sigma to 0 over `steps` training steps, linearly (sigma * max(0, 1 - t/T)) or exponentially (sigma * 0.01^(t/T))."""

            def __init__(self, sigma, steps, annealing):
                self.sigma = sigma
                self.steps = steps
                self.annealing = annealing

            def sigma_at(self, step):
                if self.annealing == "Linear":
                    return self.sigma * max(0.0, 1.0 - step / self.steps)
                return self.sigma * 0.01 ** (step / self.steps)

            def apply(self, samples, step, draws):
                sigma = self.sigma_at(step)
                if sigma == 0:
                    return None
                return samples.add(draws.noise(list(samples.shape), "Normal").to(samples), alpha=sigma)
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) =>
        $"InstanceNoise(sigma={PythonNames.Float(spec["Sigma"])}, steps={PythonNames.Int((long)spec["Steps"])}, annealing={PythonNames.String(((Annealing)(int)spec["Annealing"]).ToString())})";

    public override string PythonDiscriminatorInput(RegularizerSpec spec) => $"{PythonObject}.apply(samples, step, draws)";
}

internal sealed partial class LabelFlipKind
{
    // A fresh mask for each loss evaluation, real targets drawn before fake ones (LossCatalog writes them in that order).
    public override string PythonDefinition => """"
        class LabelFlip:
            """Label flipping: each discriminator target swapped with probability p (GanGen's AdversarialLoss.FlippedTargets)."""

            def __init__(self, probability):
                self.probability = probability

            def targets(self, scores, target, swapped, draws):
                flipped = (draws.uniform(list(scores.shape)).to(scores) < self.probability).to(scores.dtype)
                return flipped * (swapped - target) + target
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) => $"LabelFlip(probability={PythonNames.Float(spec["Probability"])})";

    public override string PythonLossOption(RegularizerSpec spec) => PythonObject;
}

internal sealed partial class RelativisticKind
{
    public override string PythonDefinition => """"
        class Relativistic:
            """Relativistic average losses (Jolicoeur-Martineau 2018): with r~ = C(x_r) - E C(x_f) and f~ = C(x_f) - E C(x_r), the
            declared loss pushes r~ up and f~ down for the discriminator, and the reverse for the generator (RelativisticAverageLoss)."""

            def __init__(self, loss, real_label):
                self.loss = loss
                self.real_label = real_label

            def discriminator(self, real_scores, fake_scores):
                return self._relative(real_scores, fake_scores, self.real_label)

            def generator(self, fake_scores, real_scores):
                return self._relative(fake_scores, real_scores, 1.0)

            def _relative(self, up, down, up_target):
                up_relative = up - down.mean()
                down_relative = down - up.mean()
                if self.loss == "LeastSquares":
                    return (up_relative - 1).square().mean() + (down_relative + 1).square().mean()
                if self.loss == "Hinge":
                    return torch.relu(1 - up_relative).mean() + torch.relu(1 + down_relative).mean()
                up_term = F.binary_cross_entropy_with_logits(up_relative, torch.full_like(up_relative, up_target))
                return up_term + F.binary_cross_entropy_with_logits(down_relative, torch.zeros_like(down_relative))
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) =>
        $"Relativistic(loss={PythonNames.String(loss.Kind.ToString())}, real_label={PythonNames.Float(loss.RealLabel)})";

    /// <summary>The discriminator's relativistic loss in the twin, on <c>real_scores</c> and <c>fake_scores</c> (LossCatalog uses it).</summary>
    public string PythonDiscriminatorLoss => $"{PythonObject}.discriminator(real_scores, fake_scores)";

    /// <summary>The generator's relativistic loss in the twin, on <c>fake_scores</c> and the real batch's <c>real_scores</c>.</summary>
    public string PythonGeneratorLoss => $"{PythonObject}.generator(fake_scores, real_scores)";
}

internal sealed partial class UnrolledKind
{
    // What GanTrainer.Unrolling saves and restores: parameters, every buffer (batch-norm statistics and counts,
    // spectral-norm vectors) and the optimizer's state, keyed by the live parameters (a deepcopy would copy the keys).
    public override string PythonDefinition => """"
        class Unrolled:
            """Unrolled GAN (Metz et al. 2017): the generator's loss is taken against the discriminator `steps` updates ahead; the
            trainer takes a snapshot first and restores the discriminator from it bit for bit afterwards."""

            def __init__(self, steps):
                self.steps = steps

            def snapshot(self, discriminator, optimizer):
                """Copies what a discriminator update changes; returns a function that puts it back."""
                with torch.no_grad():
                    saved = [(tensor, tensor.detach().clone()) for tensor in list(discriminator.parameters()) + list(discriminator.buffers())]
                state = {parameter: {key: value.clone() if torch.is_tensor(value) else value for key, value in entries.items()}
                         for parameter, entries in optimizer.state.items()}

                def restore():
                    with torch.no_grad():
                        for live, kept in saved:
                            live.copy_(kept)
                    optimizer.state.clear()
                    optimizer.state.update(state)

                return restore
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) => $"Unrolled(steps={PythonNames.Int((long)spec["Steps"])})";

    public override string PythonSchedule(RegularizerSpec spec) => PythonField;
}

internal sealed partial class AdaptiveScheduleKind
{
    public override string PythonDefinition => """"
        class AdaptiveSchedule:
            """Adaptive schedule: while the generator's last loss exceeds ratio times the discriminator's, the generator gets
            another update (at most max_steps), then the same for the discriminator (GanTrainer.Rebalance)."""

            def __init__(self, ratio, max_steps):
                self.ratio = ratio
                self.max_steps = max_steps

            def lags(self, loss, other):
                """Whether a network whose last loss is `loss` lags one whose last loss is `other` (never while either is NaN)."""
                return loss > self.ratio * other
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) =>
        $"AdaptiveSchedule(ratio={PythonNames.Float(spec["Ratio"])}, max_steps={PythonNames.Int((long)spec["MaxSteps"])})";

    public override string PythonSchedule(RegularizerSpec spec) => PythonField;
}
