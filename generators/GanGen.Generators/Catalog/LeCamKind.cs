using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

/// <summary>[LeCam(λ, Decay)]: scores held near the other side's moving average, in the discriminator's loss.</summary>
internal sealed partial class LeCamKind : RegularizerKind
{
    public LeCamKind() : base(typeof(LeCamAttribute))
    {
    }

    public override string RuntimeType => Runtime + "LeCamPenalty";

    public override string ConstructorArguments(RegularizerSpec spec) => $"weight: {Literals.Double(spec["Weight"])}, decay: {Literals.Double(spec["Decay"])}";

    public override string DiscriminatorTerm(RegularizerSpec spec) => $"{Field}.Compute(realScores, fakeScores)";

    public override bool HasState => true;

    public override string Describe(RegularizerSpec spec) =>
        $"LeCam regularisation λ = {Literals.Double(spec["Weight"])}, moving averages decaying by {Literals.Double(spec["Decay"])}";
}
