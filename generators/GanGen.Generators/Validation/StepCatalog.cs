using System.Collections.Generic;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>What a step's shape rule decided: an output shape, or why the input cannot be taken.</summary>
internal readonly struct ShapeResult
{
    private ShapeResult(long[]? output, long parameters, string? problem, long? fixPadding = null)
    {
        Output = output;
        Parameters = parameters;
        Problem = problem;
        FixPadding = fixPadding;
    }

    /// <summary>A padding that would make the shape work, when exactly that change fixes it.</summary>
    public long? FixPadding { get; }

    public long[]? Output { get; }
    public long Parameters { get; }
    public string? Problem { get; }

    public static ShapeResult Ok(long[] output, long parameters = 0) => new(output, parameters, null);
    public static ShapeResult Fail(string problem, long? fixPadding = null) => new(null, 0, problem, fixPadding);
}

/// <summary>A constraint on one argument of a step, checked before the shape rule runs.</summary>
internal readonly record struct ArgumentRule(string Name, double Default, System.Func<double, bool> IsValid, string Requirement);

/// <summary>Everything GanGen knows about one layer or operation kind.</summary>
internal sealed class StepRule
{
    public StepRule(string kind, bool isLayer, string? moduleType, ArgumentRule[] arguments, System.Func<StepDeclarationView, long[], ShapeResult> infer, bool couplesSamples = false)
    {
        Kind = kind;
        CouplesSamples = couplesSamples;
        IsLayer = isLayer;
        ModuleType = moduleType;
        Arguments = arguments;
        Infer = infer;
    }

    public string Kind { get; }
    public bool IsLayer { get; }
    /// <summary>The TorchSharp module type a layer property must have (null for operations).</summary>
    public string? ModuleType { get; }
    public ArgumentRule[] Arguments { get; }
    public System.Func<StepDeclarationView, long[], ShapeResult> Infer { get; }

    /// <summary>
    /// True when a sample's output depends on the other samples in its batch (batch statistics in training mode).
    /// A network without such steps may score real and fake samples in one concatenated pass.
    /// </summary>
    public bool CouplesSamples { get; }
}

/// <summary>Argument values of a step with defaults applied.</summary>
internal sealed class StepDeclarationView
{
    private readonly Dictionary<string, double> _values;

    public StepDeclarationView(Dictionary<string, double> values, EquatableArray<int> dimensions)
    {
        _values = values;
        Dimensions = dimensions;
    }

    public double this[string name] => _values.TryGetValue(name, out double value) ? value : 0;

    public long Long(string name) => (long)this[name];

    /// <summary>The params int[] of the attribute (Reshape's target shape).</summary>
    public EquatableArray<int> Dimensions { get; }
}

/// <summary>
/// The single place that knows each layer's and operation's arguments, constraints, TorchSharp type and shape rule.
/// Shapes exclude the batch dimension.
/// </summary>
internal static class StepCatalog
{
    private static readonly ArgumentRule[] None = new ArgumentRule[0];

    private static readonly ArgumentRule[] PoolArguments =
    {
        new ArgumentRule("Kernel", 2, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
        new ArgumentRule("Stride", 0, v => v >= 0 && IsWhole(v), "a whole number ≥ 0 (0: the kernel size)"),
        new ArgumentRule("Padding", 0, v => v >= 0 && IsWhole(v), "a whole number ≥ 0"),
    };

    private static readonly Dictionary<string, StepRule> Rules = new()
    {
        ["Dense"] = new StepRule("Dense", true, "global::TorchSharp.Modules.Linear",
            new[]
            {
                new ArgumentRule("Units", 0, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Bias", 1, v => true, "true or false"),
            },
            (step, input) =>
            {
                if (input.Length != 1)
                    return ShapeResult.Fail($"Dense needs a flat [features] input, but gets {Shapes.Format(input)}; flatten it first");
                long units = (long)step["Units"];
                return ShapeResult.Ok(new[] { units }, input[0] * units + (step["Bias"] != 0 ? units : 0));
            }),
        ["BatchNorm1d"] = new StepRule("BatchNorm1d", true, "global::TorchSharp.Modules.BatchNorm1d",
            new[]
            {
                new ArgumentRule("Epsilon", 1e-5, v => v > 0, "positive"),
                new ArgumentRule("Momentum", 0.1, v => v >= 0 && v <= 1, "in [0, 1]"),
            },
            (step, input) => input.Length is 1 or 2
                ? ShapeResult.Ok(input, 2 * input[0])
                : ShapeResult.Fail($"BatchNorm1d normalises [features] or [channels, length], not {Shapes.Format(input)}"),
            couplesSamples: true),
        ["LayerNorm"] = new StepRule("LayerNorm", true, "global::TorchSharp.Modules.LayerNorm",
            new[] { new ArgumentRule("Epsilon", 1e-5, v => v > 0, "positive") },
            (step, input) => input.Length >= 1
                ? ShapeResult.Ok(input, 2 * input[input.Length - 1])
                : ShapeResult.Fail("LayerNorm needs at least one dimension")),
        ["Conv2d"] = new StepRule("Conv2d", true, "global::TorchSharp.Modules.Conv2d",
            new[]
            {
                new ArgumentRule("Channels", 0, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Kernel", 3, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Stride", 1, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Padding", 0, v => v >= 0 && IsWhole(v), "a whole number ≥ 0"),
                new ArgumentRule("Dilation", 1, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Bias", 1, v => true, "true or false"),
            },
            ConvolutionShapes.Convolution),
        ["ConvTranspose2d"] = new StepRule("ConvTranspose2d", true, "global::TorchSharp.Modules.ConvTranspose2d",
            new[]
            {
                new ArgumentRule("Channels", 0, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Kernel", 4, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Stride", 2, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Padding", 1, v => v >= 0 && IsWhole(v), "a whole number ≥ 0"),
                new ArgumentRule("OutputPadding", 0, v => v >= 0 && IsWhole(v), "a whole number ≥ 0"),
                new ArgumentRule("Dilation", 1, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Bias", 1, v => true, "true or false"),
            },
            ConvolutionShapes.TransposedConvolution),
        ["BatchNorm2d"] = new StepRule("BatchNorm2d", true, "global::TorchSharp.Modules.BatchNorm2d",
            new[]
            {
                new ArgumentRule("Epsilon", 1e-5, v => v > 0, "positive"),
                new ArgumentRule("Momentum", 0.1, v => v >= 0 && v <= 1, "in [0, 1]"),
            },
            (step, input) => input.Length == 3
                ? ShapeResult.Ok(input, 2 * input[0])
                : ShapeResult.Fail($"BatchNorm2d normalises [channels, height, width], not {Shapes.Format(input)}"),
            couplesSamples: true),
        ["InstanceNorm2d"] = new StepRule("InstanceNorm2d", true, "global::TorchSharp.Modules.InstanceNorm2d",
            new[] { new ArgumentRule("Epsilon", 1e-5, v => v > 0, "positive") },
            (step, input) => input.Length == 3
                ? ShapeResult.Ok(input, 2 * input[0])
                : ShapeResult.Fail($"InstanceNorm2d normalises [channels, height, width], not {Shapes.Format(input)}")),
        ["Reshape"] = new StepRule("Reshape", false, null, None, ConvolutionShapes.Reshape),
        ["Flatten"] = new StepRule("Flatten", false, null, None, (step, input) => ShapeResult.Ok(new[] { Shapes.Product(input) })),
        ["Upsample"] = new StepRule("Upsample", false, null,
            new[]
            {
                new ArgumentRule("Scale", 2, v => v >= 1 && IsWhole(v), "a whole number ≥ 1"),
                new ArgumentRule("Mode", 0, v => v is 0 or 1, "Nearest or Bilinear"),
            },
            (step, input) => input.Length == 3
                ? ShapeResult.Ok(new[] { input[0], input[1] * step.Long("Scale"), input[2] * step.Long("Scale") })
                : ShapeResult.Fail($"Upsample scales [channels, height, width], not {Shapes.Format(input)}")),
        ["AvgPool2d"] = new StepRule("AvgPool2d", false, null, PoolArguments, ConvolutionShapes.Pooling),
        ["MaxPool2d"] = new StepRule("MaxPool2d", false, null, PoolArguments, ConvolutionShapes.Pooling),
        ["ReLU"] = Elementwise("ReLU", None),
        ["LeakyReLU"] = Elementwise("LeakyReLU", new[] { new ArgumentRule("Slope", 0.2, v => !double.IsNaN(v) && !double.IsInfinity(v), "a finite number") }),
        ["Tanh"] = Elementwise("Tanh", None),
        ["Sigmoid"] = Elementwise("Sigmoid", None),
        ["ELU"] = Elementwise("ELU", new[] { new ArgumentRule("Alpha", 1.0, v => v > 0 && !double.IsInfinity(v), "positive") }),
        ["GELU"] = Elementwise("GELU", None),
        ["SiLU"] = Elementwise("SiLU", None),
        ["Dropout"] = Elementwise("Dropout", new[] { new ArgumentRule("Probability", 0.5, v => v >= 0 && v < 1, "in [0, 1)") }),
    };

    public static bool TryGet(string kind, out StepRule rule) => Rules.TryGetValue(kind, out rule!);

    private static StepRule Elementwise(string kind, ArgumentRule[] arguments) =>
        new(kind, false, null, arguments, (step, input) => ShapeResult.Ok(input));

    private static bool IsWhole(double value) => value == System.Math.Floor(value) && value <= int.MaxValue;
}

internal static class Shapes
{
    public static string Format(long[] shape) => "[" + string.Join(", ", shape) + "]";

    public static string Format(EquatableArray<long> shape)
    {
        var values = new long[shape.Count];
        for (int i = 0; i < values.Length; i++) values[i] = shape[i];
        return Format(values);
    }

    public static long Product(long[] shape)
    {
        long product = 1;
        foreach (long dimension in shape) product *= dimension;
        return product;
    }

    public static bool Equal(long[] left, long[] right)
    {
        if (left.Length != right.Length) return false;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i]) return false;
        }
        return true;
    }
}
