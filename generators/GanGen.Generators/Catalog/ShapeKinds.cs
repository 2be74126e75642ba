using System.Collections.Generic;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[Reshape(dims…)]: each sample to the given shape.</summary>
internal sealed partial class ReshapeKind : StepKind
{
    public ReshapeKind() : base(typeof(ReshapeAttribute))
    {
    }

    public override bool KeepsRange => true;

    public override ShapeResult Infer(StepValues step, long[] input) => ConvolutionShapes.Reshape(step, input);

    // The batch dimension stays -1; a static array, because a fresh one per forward would allocate.
    public override IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        var values = new List<long> { -1 };
        foreach (int dimension in step.Dimensions) values.Add(dimension);
        yield return new EmittedField("long[]", ShapeField(site), Literals.LongArrayInitializer(values), IsStatic: true, Disposable: false);
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"x.reshape({ShapeField(site)})");

    public override string Describe(StepSpec step) => $"Reshape {Literals.Shape(step.OutputShape)}";

    private static string ShapeField(StepSite site) => $"s_{site.Prefix}Shape";
}

/// <summary>[Flatten]: each sample to one dimension.</summary>
internal sealed partial class FlattenKind : StepKind
{
    public FlattenKind() : base(typeof(FlattenAttribute))
    {
    }

    public override bool KeepsRange => true;

    public override ShapeResult Infer(StepValues step, long[] input) => ShapeResult.Ok(new[] { Shapes.Product(input) });

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New("x.flatten(1)");
}

/// <summary>[Upsample(scale, Mode)]: nearest or bilinear upsampling of [C, H, W].</summary>
internal sealed partial class UpsampleKind : StepKind
{
    public UpsampleKind() : base(typeof(UpsampleAttribute))
    {
    }

    // Nearest copies values; bilinear (align_corners = false) takes convex combinations of them.
    public override bool KeepsRange => true;

    public override ShapeResult Infer(StepValues step, long[] input) => input.Length == 3
        ? ShapeResult.Ok(new[] { input[0], input[1] * step.Long("Scale"), input[2] * step.Long("Scale") })
        : ShapeResult.Fail($"Upsample scales [channels, height, width], not {Shapes.Format(input)}");

    public override IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        string scale = Literals.Double(step.Long("Scale"));
        yield return new EmittedField("double[]", ScaleField(site), $"{{ {scale}, {scale} }}", IsStatic: true, Disposable: false);
    }

    public override ForwardCode Forward(StepSpec step, StepSite site)
    {
        bool bilinear = step.Long("Mode") == (long)UpsampleMode.Bilinear;
        string mode = "global::TorchSharp.torch.InterpolationMode." + (bilinear ? "Bilinear" : "Nearest");
        return ForwardCode.New($"{Functional}.interpolate(x, scale_factor: {ScaleField(site)}, mode: {mode}{(bilinear ? ", align_corners: false" : string.Empty)})");
    }

    public override string Describe(StepSpec step) =>
        $"Upsample ×{step.Long("Scale")}{(step.Long("Mode") == (long)UpsampleMode.Bilinear ? " bilinear" : string.Empty)}";

    private static string ScaleField(StepSite site) => $"s_{site.Prefix}Scale";
}

/// <summary>[AvgPool2d] and [MaxPool2d]: square-window pooling over [C, H, W].</summary>
internal abstract partial class PoolingKind : StepKind
{
    private readonly string _function;

    protected PoolingKind(System.Type attribute, string function) : base(attribute) => _function = function;

    // Max and mean of values (zero padding only when 0 is in range: Tanh and Sigmoid ranges both contain it).
    public override bool KeepsRange => true;

    public override ShapeResult Infer(StepValues step, long[] input) => ConvolutionShapes.Pooling(step, input);

    public override IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        yield return Pair(site, "Kernel", step.Long("Kernel"));
        yield return Pair(site, "Stride", Stride(step));
        yield return Pair(site, "Padding", step.Long("Padding"));
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) =>
        ForwardCode.New($"{Functional}.{_function}(x, s_{site.Prefix}Kernel, s_{site.Prefix}Stride, s_{site.Prefix}Padding)");

    public override string Describe(StepSpec step) => $"{Name} k{step.Long("Kernel")} s{Stride(step)}{(step.Long("Padding") == 0 ? string.Empty : $" p{step.Long("Padding")}")}";

    /// <summary>Stride 0 means "the kernel size" (PyTorch's default for pooling).</summary>
    private static long Stride(StepSpec step) => step.Long("Stride") == 0 ? step.Long("Kernel") : step.Long("Stride");

    private static EmittedField Pair(StepSite site, string name, long value) =>
        new("long[]", $"s_{site.Prefix}{name}", $"{{ {Literals.Long(value)}, {Literals.Long(value)} }}", IsStatic: true, Disposable: false);
}

internal sealed partial class AvgPool2dKind : PoolingKind
{
    public AvgPool2dKind() : base(typeof(AvgPool2dAttribute), "avg_pool2d")
    {
    }
}

internal sealed partial class MaxPool2dKind : PoolingKind
{
    public MaxPool2dKind() : base(typeof(MaxPool2dAttribute), "max_pool2d")
    {
    }
}
