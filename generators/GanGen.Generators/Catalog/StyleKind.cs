using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>
/// [AdaptiveInstanceNorm(node)]: instance norm of x styled by a learned map of another node's flat output (a mapping
/// network's w): the layer with a second operand, so it reads a node as a merge does.
/// </summary>
internal sealed partial class AdaptiveInstanceNormKind : StepKind
{
    public AdaptiveInstanceNormKind() : base(typeof(AdaptiveInstanceNormAttribute))
    {
    }

    public override string ModuleType => "global::GanGen.Runtime.Networks.AdaptiveInstanceNorm";

    public override bool IsMerge => true;

    public override bool IsNormalization => true;

    // Two inputs: the kernel check's single-input probes cannot run it; its instance norm and dense map are canaries.
    public override bool HasKernel => false;

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        if (input.Length != 3) return ShapeResult.Fail($"AdaptiveInstanceNorm normalises [channels, height, width], not {Shapes.Format(input)}");
        var style = step.Other!;
        if (style.Length != 1)
            return ShapeResult.Fail($"AdaptiveInstanceNorm's style is a flat vector, but {step.OtherName} is {Shapes.Format(style)}; name a Dense node (a mapping network's last layer)");
        // The style map: style features → a scale and a shift per channel.
        return ShapeResult.Ok(input, style[0] * 2 * input[0] + 2 * input[0]);
    }

    // Its style map is built for the style vector's size too.
    public override string ConstructionKey(StepSpec step) => base.ConstructionKey(step) + "/" + step.ReferenceShape[0];

    public override string Construct(StepSpec step, StepSite site) =>
        $"new {ModuleType}({Literals.Long(step.InputShape[0])}, {Literals.Long(step.ReferenceShape[0])}, epsilon: {Literals.Double(step["Epsilon"])})";

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{site.Module}.forward(x, {Operand(site)})");

    public override string Describe(StepSpec step) => $"AdaptiveInstanceNorm {step.InputShape[0]} styled by {step.Reference}";

    private static string Operand(StepSite site) => site.Other ?? throw new System.InvalidOperationException("The style node's variable is set by the plan.");
}
