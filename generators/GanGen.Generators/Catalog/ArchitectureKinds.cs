using System.Collections.Generic;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[PixelShuffle(r)]: [C·r², H, W] → [C, H·r, W·r].</summary>
internal sealed partial class PixelShuffleKind : StepKind
{
    public PixelShuffleKind() : base(typeof(PixelShuffleAttribute))
    {
    }

    // A permutation of the input's values.
    public override bool KeepsRange => true;

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        long factor = step.Long("Factor");
        if (input.Length != 3) return ShapeResult.Fail($"PixelShuffle rearranges [channels, height, width], not {Shapes.Format(input)}");
        if (input[0] % (factor * factor) != 0)
            return ShapeResult.Fail($"PixelShuffle({factor}) spreads groups of {factor * factor} channels, but there are {input[0]}; " +
                $"give the convolution before it a multiple of {factor * factor} channels (e.g. {(input[0] / (factor * factor) + 1) * factor * factor})");
        return ShapeResult.Ok(new[] { input[0] / (factor * factor), input[1] * factor, input[2] * factor });
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{Functional}.pixel_shuffle(x, {Literals.Long(step.Long("Factor"))})");

    public override string Describe(StepSpec step) => $"PixelShuffle ×{step.Long("Factor")}";
}

/// <summary>[ReflectionPad2d(p)]: [C, H, W] → [C, H + 2p, W + 2p], the border mirrored.</summary>
internal sealed partial class ReflectionPad2dKind : StepKind
{
    public ReflectionPad2dKind() : base(typeof(ReflectionPad2dAttribute))
    {
    }

    public override bool KeepsRange => true;

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        long padding = step.Long("Padding");
        if (input.Length != 3) return ShapeResult.Fail($"ReflectionPad2d pads [channels, height, width], not {Shapes.Format(input)}");
        if (padding >= input[1] || padding >= input[2])
            return ShapeResult.Fail($"reflection mirrors rows inside the image, so the padding must be less than its height and width ({input[1]}×{input[2]}), not {padding}");
        return ShapeResult.Ok(new[] { input[0], input[1] + 2 * padding, input[2] + 2 * padding });
    }

    public override IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        string p = Literals.Long(step.Long("Padding"));
        yield return new EmittedField("long[]", PadField(site), $"{{ {p}, {p}, {p}, {p} }}", IsStatic: true, Disposable: false);
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) =>
        ForwardCode.New($"{Functional}.pad(x, {PadField(site)}, global::TorchSharp.PaddingModes.Reflect)");

    public override string Describe(StepSpec step) => $"ReflectionPad2d {step.Long("Padding")}";

    private static string PadField(StepSite site) => $"s_{site.Prefix}Pad";
}

/// <summary>[GlobalPool(Mode)]: [C, H, W] → [C], the sum or mean of each channel.</summary>
internal sealed partial class GlobalPoolKind : StepKind
{
    public GlobalPoolKind() : base(typeof(GlobalPoolAttribute))
    {
    }

    private static readonly string Dimensions = "s_SpatialDimensions";

    public override ShapeResult Infer(StepValues step, long[] input) => input.Length == 3
        ? ShapeResult.Ok(new[] { input[0] })
        : ShapeResult.Fail($"GlobalPool reduces the positions of [channels, height, width], not {Shapes.Format(input)}");

    public override IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        yield return new EmittedField("long[]", Field(site), "{ 2L, 3L }", IsStatic: true, Disposable: false);
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) =>
        ForwardCode.New(IsMean(step) ? $"x.mean({Field(site)})" : $"x.sum({Field(site)})");

    public override string Describe(StepSpec step) => IsMean(step) ? "GlobalPool mean" : "GlobalPool sum";

    private static bool IsMean(StepSpec step) => step.Long("Mode") == (long)GlobalPooling.Mean;

    private static string Field(StepSite site) => $"s_{site.Prefix}{Dimensions.Substring(2)}";
}
