using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[SelfAttention(Reduction)]: SAGAN's attention over positions, x + γ·attention, γ from 0.</summary>
internal sealed partial class SelfAttentionKind : StepKind
{
    public SelfAttentionKind() : base(typeof(SelfAttentionAttribute))
    {
    }

    public override string ModuleType => "global::GanGen.Runtime.Networks.SelfAttention";

    // [SpectralNorm] on the property normalises its three inner convolutions; the module runs them.
    public override bool HasWeightMatrix => true;

    public override bool SpectralNormInside => true;

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        if (input.Length != 3) return ShapeResult.Fail($"SelfAttention attends over the positions of [channels, height, width], not {Shapes.Format(input)}");
        long channels = input[0], keys = KeyChannels(channels, step.Long("Reduction"));
        // Two 1×1 convolutions to the key channels and one to all channels, with biases, and γ.
        return ShapeResult.Ok(input, 2 * (channels * keys + keys) + channels * channels + channels + 1);
    }

    public override string Construct(StepSpec step, StepSite site)
    {
        long channels = step.InputShape[0];
        return $"new {ModuleType}({Literals.Long(channels)}, {Literals.Long(KeyChannels(channels, step.Long("Reduction")))}" +
            (site.Spectral is null ? ")" : ", spectral: true)");
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{site.Module}.forward(x)");

    public override string Describe(StepSpec step) =>
        $"SelfAttention {step.InputShape[0]} (keys {KeyChannels(step.InputShape[0], step.Long("Reduction"))})";

    internal static long KeyChannels(long channels, long reduction) => System.Math.Max(1, channels / reduction);
}
