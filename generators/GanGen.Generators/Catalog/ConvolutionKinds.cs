using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[Conv2d(channels)]: a 2-D convolution.</summary>
internal sealed partial class Conv2dKind : StepKind
{
    public Conv2dKind() : base(typeof(Conv2dAttribute))
    {
    }

    public override string ModuleType => "global::TorchSharp.Modules.Conv2d";

    public override bool IsConvolution => true;

    public override ShapeResult Infer(StepValues step, long[] input) => ConvolutionShapes.Convolution(step, input);

    public override string Construct(StepSpec step, StepSite site) =>
        $"global::TorchSharp.torch.nn.Conv2d({Literals.Long(step.InputShape[0])}, {Literals.Long(step.Long("Channels"))}, " +
        $"kernel_size: {Literals.Long(step.Long("Kernel"))}, stride: {Literals.Long(step.Long("Stride"))}, padding: {Literals.Long(step.Long("Padding"))}, " +
        $"dilation: {Literals.Long(step.Long("Dilation"))}, bias: {Literals.Bool(step.Bool("Bias"))})";

    public override bool HasWeightMatrix => true;

    public override ForwardCode Forward(StepSpec step, StepSite site) =>
        ForwardCode.New($"{Forwards}.Conv2d({site.Module}, x{(site.NormalisedWeight is { } weight ? ", " + weight : string.Empty)})");

    public override string Describe(StepSpec step) =>
        $"Conv2d {step.InputShape[0]} → {step.Long("Channels")}, k{step.Long("Kernel")} s{step.Long("Stride")} p{step.Long("Padding")}" +
        (step.Long("Dilation") == 1 ? string.Empty : $" d{step.Long("Dilation")}") + NoBias(step);
}

/// <summary>[ConvTranspose2d(channels)]: a 2-D transposed convolution.</summary>
internal sealed partial class ConvTranspose2dKind : StepKind
{
    public ConvTranspose2dKind() : base(typeof(ConvTranspose2dAttribute))
    {
    }

    public override string ModuleType => "global::TorchSharp.Modules.ConvTranspose2d";

    public override bool IsConvolution => true;

    public override ShapeResult Infer(StepValues step, long[] input) => ConvolutionShapes.TransposedConvolution(step, input);

    public override string Construct(StepSpec step, StepSite site) =>
        $"global::TorchSharp.torch.nn.ConvTranspose2d({Literals.Long(step.InputShape[0])}, {Literals.Long(step.Long("Channels"))}, " +
        $"kernel_size: {Literals.Long(step.Long("Kernel"))}, stride: {Literals.Long(step.Long("Stride"))}, padding: {Literals.Long(step.Long("Padding"))}, " +
        $"output_padding: {Literals.Long(step.Long("OutputPadding"))}, dilation: {Literals.Long(step.Long("Dilation"))}, bias: {Literals.Bool(step.Bool("Bias"))})";

    public override bool HasWeightMatrix => true;

    public override bool OutputsAlongSecondDimension => true;

    public override ForwardCode Forward(StepSpec step, StepSite site) =>
        ForwardCode.New($"{Forwards}.ConvTranspose2d({site.Module}, x{(site.NormalisedWeight is { } weight ? ", " + weight : string.Empty)})");

    public override string Describe(StepSpec step) =>
        $"ConvTranspose2d {step.InputShape[0]} → {step.Long("Channels")}, k{step.Long("Kernel")} s{step.Long("Stride")} p{step.Long("Padding")}" +
        (step.Long("OutputPadding") == 0 ? string.Empty : $" op{step.Long("OutputPadding")}") +
        (step.Long("Dilation") == 1 ? string.Empty : $" d{step.Long("Dilation")}") + NoBias(step);
}
