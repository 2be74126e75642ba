using System.Collections.Generic;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[Identity]: a node without a layer, for shortcuts that only apply operations (upsampling, pooling).</summary>
internal sealed partial class IdentityKind : StepKind
{
    public IdentityKind() : base(typeof(IdentityAttribute))
    {
    }

    public override string ModuleType => "global::TorchSharp.Modules.Identity";

    public override bool KeepsRange => true;

    public override bool HasKernel => false;

    public override ShapeResult Infer(StepValues step, long[] input) => ShapeResult.Ok(input);

    public override string Construct(StepSpec step, StepSite site) => "global::TorchSharp.torch.nn.Identity()";

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.None;
}

/// <summary>The merges: a second operand, the output of the node the attribute names.</summary>
internal abstract partial class MergeKind : StepKind
{
    protected MergeKind(System.Type attribute) : base(attribute)
    {
    }

    public override bool IsMerge => true;

    protected static string Operand(StepSite site) => site.Other ?? throw new System.InvalidOperationException("A merge's site names its other operand.");
}

/// <summary>[Add(node, Scale)]: other + Scale · x, a residual sum.</summary>
internal sealed partial class AddKind : MergeKind
{
    public AddKind() : base(typeof(AddAttribute))
    {
    }

    public override ShapeResult Infer(StepValues step, long[] input) => Shapes.Equal(input, step.Other!)
        ? ShapeResult.Ok(input)
        : ShapeResult.Fail($"Add sums equal shapes, but this point is {Shapes.Format(input)} and {step.OtherName} is {Shapes.Format(step.Other!)}; " +
            "change a layer so they agree (e.g. a 1×1 Conv2d on the shortcut for other channels, pooling or upsampling for another size)");

    public override IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        if (step["Scale"] != 1) yield return new EmittedField("global::TorchSharp.Scalar", ScaleField(site), Literals.Double(step["Scale"]), IsStatic: false, Disposable: true);
    }

    // Out of place: the value at this point may be saved by the step before it for its backward pass (an in-place
    // activation's output is), so summing into it would corrupt the gradient.
    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New(step["Scale"] == 1
        ? $"{Operand(site)}.add(x)"
        : $"{Operand(site)}.add(x, {ScaleField(site)})");

    public override string Describe(StepSpec step) => step["Scale"] == 1 ? $"Add {step.Reference}" : $"Add {step.Reference} + {Literals.Double(step["Scale"])}·x";

    private static string ScaleField(StepSite site) => $"_{site.Prefix}AddScale";
}

/// <summary>[Concat(node)]: [x, other] along channels (features).</summary>
internal sealed partial class ConcatKind : MergeKind
{
    public ConcatKind() : base(typeof(ConcatAttribute))
    {
    }

    public override bool KeepsRange => true;

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        var other = step.Other!;
        bool fits = other.Length == input.Length;
        for (int i = 1; fits && i < input.Length; i++) fits = other[i] == input[i];
        if (!fits)
            return ShapeResult.Fail($"Concat joins along channels, so every other dimension must agree, but this point is {Shapes.Format(input)} and " +
                $"{step.OtherName} is {Shapes.Format(other)}; resample one of them (Upsample, AvgPool2d or a strided convolution) to the other's size");
        var output = (long[])input.Clone();
        output[0] += other[0];
        return ShapeResult.Ok(output);
    }

    // A pair array per site, filled and cleared by the helper, so joining allocates no array per forward.
    public override IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        yield return new EmittedField($"{KnownNames.Tensor}[]", PairField(site), $"new {KnownNames.Tensor}[2]", IsStatic: false, Disposable: false);
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{Forwards}.Concat(x, {Operand(site)}, {PairField(site)})");

    public override string Describe(StepSpec step) => $"Concat {step.Reference}";

    private static string PairField(StepSite site) => $"_{site.Prefix}Pair";
}

/// <summary>[Multiply(node)]: x · other, elementwise with broadcasting of the other operand.</summary>
internal sealed partial class MultiplyKind : MergeKind
{
    public MultiplyKind() : base(typeof(MultiplyAttribute))
    {
    }

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        var other = step.Other!;
        bool fits = other.Length == input.Length;
        for (int i = 0; fits && i < input.Length; i++) fits = other[i] == input[i] || other[i] == 1;
        return fits
            ? ShapeResult.Ok(input)
            : ShapeResult.Fail($"Multiply needs {step.OtherName} to have this point's shape {Shapes.Format(input)}, or 1 where it broadcasts " +
                $"(a [C, 1, 1] gate per channel), but it is {Shapes.Format(other)}");
    }

    // Out of place: the product's gradient with respect to the other operand needs x as it was.
    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"x.mul({Operand(site)})");

    public override string Describe(StepSpec step) => $"Multiply {step.Reference}";
}
