using System.Collections.Generic;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>An element-wise operation: the output has the input's shape.</summary>
internal abstract partial class ElementwiseKind : StepKind
{
    protected ElementwiseKind(System.Type attribute) : base(attribute)
    {
    }

    public override ShapeResult Infer(StepValues step, long[] input) => ShapeResult.Ok(input);
}

/// <summary>An activation TorchSharp has as a Tensor method, in place (<c>x.relu_()</c>) and out of place.</summary>
internal abstract partial class TensorMethodKind : ElementwiseKind
{
    private readonly string _method;

    protected TensorMethodKind(System.Type attribute, string method) : base(attribute) => _method = method;

    public override ForwardCode Forward(StepSpec step, StepSite site) =>
        ForwardCode.InPlaceWhenFresh(site, $"x.{_method}_()", $"x.{_method}()");
}

internal sealed partial class ReLUKind : TensorMethodKind
{
    public ReLUKind() : base(typeof(ReLUAttribute), "relu")
    {
    }
}

internal sealed partial class TanhKind : TensorMethodKind
{
    public TanhKind() : base(typeof(TanhAttribute), "tanh")
    {
    }
}

internal sealed partial class SigmoidKind : TensorMethodKind
{
    public SigmoidKind() : base(typeof(SigmoidAttribute), "sigmoid")
    {
    }
}

internal sealed partial class SiLUKind : TensorMethodKind
{
    public SiLUKind() : base(typeof(SiLUAttribute), "silu")
    {
    }
}

/// <summary>[LeakyReLU(slope)], with the slope as a cached Scalar (a literal would allocate one per call).</summary>
internal sealed partial class LeakyReLUKind : ElementwiseKind
{
    public LeakyReLUKind() : base(typeof(LeakyReLUAttribute))
    {
    }

    public override IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        yield return new EmittedField("global::TorchSharp.Scalar", SlopeField(site), Literals.Double(step["Slope"]), IsStatic: false, Disposable: true);
    }

    // In-place leaky_relu cannot be differentiated with a negative slope.
    public override ForwardCode Forward(StepSpec step, StepSite site) => site.Fresh && step["Slope"] >= 0
        ? new ForwardCode($"x.leaky_relu_({SlopeField(site)})", true)
        : ForwardCode.New($"x.leaky_relu({SlopeField(site)})");

    public override string Describe(StepSpec step) => $"LeakyReLU({Literals.Double(step["Slope"])})";

    private static string SlopeField(StepSite site) => $"_{site.Prefix}Slope";
}

internal sealed partial class ELUKind : ElementwiseKind
{
    public ELUKind() : base(typeof(ELUAttribute))
    {
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{Functional}.elu(x, {Literals.Double(step["Alpha"])})");

    public override string Describe(StepSpec step) => $"ELU({Literals.Double(step["Alpha"])})";
}

internal sealed partial class GELUKind : ElementwiseKind
{
    public GELUKind() : base(typeof(GELUAttribute))
    {
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) => ForwardCode.New($"{Functional}.gelu(x)");
}

/// <summary>[Dropout(p)]: active only while the network trains.</summary>
internal sealed partial class DropoutKind : ElementwiseKind
{
    public DropoutKind() : base(typeof(DropoutAttribute))
    {
    }

    public override ForwardCode Forward(StepSpec step, StepSite site) =>
        ForwardCode.New($"{Functional}.dropout(x, {Literals.Double(step["Probability"])}, training)");

    public override string Describe(StepSpec step) => $"Dropout({Literals.Double(step["Probability"])})";
}
