using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[Dense(units)]: a fully connected layer.</summary>
internal sealed partial class DenseKind : StepKind
{
    public DenseKind() : base(typeof(DenseAttribute))
    {
    }

    public override string ModuleType => "global::TorchSharp.Modules.Linear";

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        if (input.Length != 1)
            return ShapeResult.Fail($"Dense needs a flat [features] input, but gets {Shapes.Format(input)}; flatten it first, e.g. [Flatten]");
        long units = step.Long("Units");
        return ShapeResult.Ok(new[] { units }, input[0] * units + (step.Bool("Bias") ? units : 0));
    }

    public override string Construct(StepSpec step, StepSite site) =>
        $"global::TorchSharp.torch.nn.Linear({Literals.Long(step.InputShape[0])}, {Literals.Long(step.Long("Units"))}, hasBias: {Literals.Bool(step.Bool("Bias"))})";

    public override bool HasWeightMatrix => true;

    // Linear's module forward is the functional call on its own fields: nothing to avoid.
    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New(site.NormalisedWeight is { } weight
        ? $"{Forwards}.Dense({site.Module}, x, {weight})"
        : $"{site.Module}.forward(x)");

    public override string Describe(StepSpec step) => $"Dense {step.InputShape[0]} → {step.Long("Units")}{NoBias(step)}";
}
