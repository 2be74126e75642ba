using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

internal sealed partial class GradientPenaltyKind
{
    // torch.lerp(fake, real, ε) is the interpolate GanGen forms (fake.lerp(real, ε)); ε comes from draws.
    public override string PythonDefinition => """"
        class GradientPenalty:
            """WGAN-GP (Gulrajani et al. 2017): weight * mean (||grad D(x^)||_2 - 1)^2 on x^ = fake + eps (real - fake)."""

            def __init__(self, weight):
                self.weight = weight

            def compute(self, nets, real, fake, labels, draws):
                shape = [real.size(0)] + [1] * (real.dim() - 1)
                epsilon = draws.uniform(shape).to(real)
                interpolates = torch.lerp(fake, real, epsilon).requires_grad_(True)
                total = score(nets, interpolates, labels).sum()
                (gradient,) = torch.autograd.grad(total, interpolates, retain_graph=True, create_graph=True)
                norms = gradient.flatten(1).norm(2, dim=1)
                return (norms - 1).square().mean() * self.weight
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) => $"GradientPenalty(weight={PythonNames.Float(spec["Weight"])})";

    public override string PythonDiscriminatorTerm(RegularizerSpec spec) => $"{PythonObject}.compute(nets, real, fake, labels, draws)";
}

internal sealed partial class WeightClipKind
{
    public override string PythonDefinition => """"
        class WeightClip:
            """WGAN (Arjovsky et al. 2017): every discriminator parameter clamped to [-bound, bound] after its update."""

            def __init__(self, bound):
                self.bound = bound

            def apply(self, discriminator):
                with torch.no_grad():
                    for parameter in discriminator.parameters():
                        parameter.clamp_(-self.bound, self.bound)
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) => $"WeightClip(bound={PythonNames.Float(spec["Bound"])})";

    public override string PythonAfterDiscriminatorUpdate(RegularizerSpec spec) => $"{PythonObject}.apply(nets.gan.discriminator)";
}

internal sealed partial class SelfRegularizationKind
{
    public override string PythonDefinition => """"
        class SelfRegularization:
            """SimGAN (Shrivastava et al. 2017): weight * mean distance(refined, source), L1 or squared (L2)."""

            def __init__(self, weight, distance):
                self.weight = weight
                self.distance = distance

            def compute(self, refined, source):
                difference = refined - source
                distance = difference.abs() if self.distance == "L1" else difference.square()
                return distance.mean() * self.weight
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) =>
        $"SelfRegularization(weight={PythonNames.Float(spec["Weight"])}, distance={PythonNames.String(((Distance)(int)spec["Distance"]).ToString())})";

    public override string PythonGeneratorTerm(RegularizerSpec spec) => $"{PythonObject}.compute(fake, sources)";
}

internal sealed partial class ImageHistoryKind
{
    // round() rounds half to even in Python, as Math.Round does in GanGen's ImageHistory.
    public override string PythonDefinition => """"
        class ImageHistory:
            """SimGAN's history: the last round(share * N) fakes of each batch replaced by earlier ones, which it then records."""

            def __init__(self, share, capacity):
                self.share = share
                self.capacity = capacity
                self.buffer = None
                self.filled = 0

            def mix(self, fake, draws):
                count = fake.size(0)
                share = min(count, round(self.share * count))
                if self.buffer is None:
                    self.buffer = torch.zeros((self.capacity,) + tuple(fake.shape[1:]), dtype=fake.dtype, device=fake.device)
                mixed = fake.detach().clone()
                if share > 0 and self.filled >= share:
                    picks = draws.randint(self.filled, share).to(fake.device)
                    mixed[count - share:] = self.buffer.index_select(0, picks)
                if share > 0:
                    self._record(fake.detach()[:share], draws)
                return mixed

            def _record(self, current, draws):
                share = current.size(0)
                free = min(share, self.capacity - self.filled)
                if free > 0:
                    self.buffer[self.filled:self.filled + free] = current[:free]
                    self.filled += free
                if share - free > 0:
                    positions = draws.randint(self.capacity, share - free).to(current.device)
                    self.buffer.index_copy_(0, positions, current[free:])
        """";

    public override string PythonConstruct(RegularizerSpec spec, LossSpec loss) =>
        $"ImageHistory(share={PythonNames.Float(spec["Share"])}, capacity={PythonNames.Int((long)spec["Capacity"])})";

    public override string PythonDiscriminatorFakes(RegularizerSpec spec) => $"{PythonObject}.mix(fake, draws)";
}
