using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[BatchNorm1d] and [BatchNorm2d]: batch normalisation over features or channels.</summary>
internal abstract partial class BatchNormKind : StepKind
{
    private readonly int _rank;

    protected BatchNormKind(System.Type attribute, int rank) : base(attribute) => _rank = rank;

    public override string ModuleType => $"global::TorchSharp.Modules.{Name}";

    public override bool CouplesSamples => true;

    public override bool IsNormalization => true;

    public override bool IsBatchNormalization => true;

    public override ShapeResult Infer(StepValues step, long[] input)
    {
        bool fits = _rank == 1 ? input.Length is 1 or 2 : input.Length == 3;
        return fits
            ? ShapeResult.Ok(input, 2 * input[0])
            : ShapeResult.Fail($"{Name} normalises {(_rank == 1 ? "[features] or [channels, length]" : "[channels, height, width]")}, not {Shapes.Format(input)}");
    }

    // Conditional batch norm: the per-class scale and shift replace the module's own affine parameters.
    public override string Construct(StepSpec step, StepSite site) =>
        $"global::TorchSharp.torch.nn.{Name}({Literals.Long(step.InputShape[0])}, eps: {Literals.Double(step["Epsilon"])}, momentum: {Literals.Double(step["Momentum"])}" +
        (site.ClassConditional ? ", affine: false)" : ")");

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New(site.ClassConditional
        ? $"{Forwards}.ClassBatchNorm({site.Module}, {site.ClassModule("Scale")}, {site.ClassModule("Shift")}, x, labels)"
        : $"{Forwards}.BatchNorm({site.Module}, x)");
}

internal sealed partial class BatchNorm1dKind : BatchNormKind
{
    public BatchNorm1dKind() : base(typeof(BatchNorm1dAttribute), 1)
    {
    }
}

internal sealed partial class BatchNorm2dKind : BatchNormKind
{
    public BatchNorm2dKind() : base(typeof(BatchNorm2dAttribute), 2)
    {
    }
}

/// <summary>[InstanceNorm2d]: per-sample, per-channel normalisation with a learned scale and shift.</summary>
internal sealed partial class InstanceNorm2dKind : StepKind
{
    public InstanceNorm2dKind() : base(typeof(InstanceNorm2dAttribute))
    {
    }

    public override string ModuleType => "global::TorchSharp.Modules.InstanceNorm2d";

    public override bool IsNormalization => true;

    public override ShapeResult Infer(StepValues step, long[] input) => input.Length == 3
        ? ShapeResult.Ok(input, 2 * input[0])
        : ShapeResult.Fail($"InstanceNorm2d normalises [channels, height, width], not {Shapes.Format(input)}");

    public override string Construct(StepSpec step, StepSite site) =>
        $"global::TorchSharp.torch.nn.InstanceNorm2d({Literals.Long(step.InputShape[0])}, eps: {Literals.Double(step["Epsilon"])}, affine: true)";

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{Forwards}.InstanceNorm({site.Module}, x)");
}

/// <summary>[LayerNorm]: per-sample normalisation over the last dimension.</summary>
internal sealed partial class LayerNormKind : StepKind
{
    public LayerNormKind() : base(typeof(LayerNormAttribute))
    {
    }

    public override string ModuleType => "global::TorchSharp.Modules.LayerNorm";

    public override bool IsNormalization => true;

    public override ShapeResult Infer(StepValues step, long[] input) => input.Length >= 1
        ? ShapeResult.Ok(input, 2 * input[input.Length - 1])
        : ShapeResult.Fail("LayerNorm needs at least one dimension");

    // LayerNorm normalises the last dimension, whose size it is built with.
    public override string ConstructionKey(StepSpec step) => $"{step.InputShape[step.InputShape.Count - 1]}/{step.InputShape.Count}";

    public override string Construct(StepSpec step, StepSite site) =>
        $"global::TorchSharp.torch.nn.LayerNorm({Literals.Long(step.InputShape[step.InputShape.Count - 1])}, eps: {Literals.Double(step["Epsilon"])})";

    // LayerNorm's module forward is the functional call on its own fields.
    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{site.Module}.forward(x)");
}
