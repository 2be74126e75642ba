using System.Collections.Generic;
using System.Globalization;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Emits a network as a <c>Module&lt;Tensor, Tensor&gt;</c>: one field and one strongly-typed partial property per
/// layer, explicit registration under the layer's name (so parameters read <c>Hidden1.weight</c>), and a
/// straight-line <c>forward</c> with no Sequential, LINQ or reflection.
/// </summary>
internal static class NetworkEmitter
{
    private const string Tensor = "global::TorchSharp.torch.Tensor";
    private const string Functional = "global::TorchSharp.torch.nn.functional";

    public static void Emit(SourceWriter writer, NetworkSpec network, GanSpec gan)
    {
        string role = network.Role == NetworkRole.Generator ? "Generator" : "Discriminator";
        writer.Line($"/// <summary>{role} of <see cref=\"{gan.Name}\"/>: {Literals.Shape(network.InputShape)} → {Literals.Shape(network.OutputShape)} per sample, {Count(network)} parameters.</summary>");
        writer.Line(Generated.Attribute);
        writer.Open($"partial class {network.Name} : {KnownNames.ModuleBase}");

        if (network.Role == NetworkRole.Generator)
        {
            writer.Line("/// <summary>Length of the latent vector z this generator takes.</summary>");
            writer.Line($"public const int LatentSize = {Literals.Int(gan.LatentSize)};");
            writer.Line();
        }

        var scalars = new List<(string Field, double Value)>();
        foreach (var layer in network.Layers)
        {
            writer.Line($"private readonly {layer.TypeName} {Literals.Camel(layer.Name)};");
            for (int i = 0; i < layer.Steps.Count; i++)
            {
                var step = layer.Steps[i];
                if (step.Kind == "LeakyReLU") scalars.Add((ScalarField(layer, i), step.Get("Slope", 0.2)));
            }
        }
        foreach (var (field, _) in scalars) writer.Line($"private readonly global::TorchSharp.Scalar {field};");
        // Shape and window arguments as static arrays: passing fresh arrays every forward would allocate.
        foreach (var layer in network.Layers)
        {
            for (int i = 0; i < layer.Steps.Count; i++)
            {
                foreach (var (name, type, values) in StaticArrays(layer.Steps[i]))
                    writer.Line($"private static readonly {type}[] {ArrayField(layer, i, name)} = {{ {values} }};");
            }
        }
        writer.Line();

        writer.Line($"/// <summary>Creates the {role.ToLowerInvariant()} with TorchSharp's default initialisation, on the CPU.</summary>");
        writer.Open($"public {network.Name}() : base(\"{network.Name}\")");
        foreach (var layer in network.Layers)
        {
            writer.Line($"{Literals.Camel(layer.Name)} = {Constructor(layer)};");
            writer.Line($"register_module(\"{layer.Name}\", {Literals.Camel(layer.Name)});");
        }
        foreach (var (field, value) in scalars) writer.Line($"{field} = {Literals.Double(value)};");
        if (network.Init != InitKind.Default)
            writer.Line($"global::GanGen.Runtime.Initialization.WeightInitializer.Apply(this, global::GanGen.WeightInit.{network.Init});");
        writer.Close();

        foreach (var layer in network.Layers)
        {
            writer.Line();
            writer.Line($"/// <summary>{Describe(layer)}: {Literals.Shape(layer.InputShape)} → {Literals.Shape(layer.OutputShape)}, {layer.ParameterCount.ToString(CultureInfo.InvariantCulture)} parameters.</summary>");
            string access = layer.Accessibility.Length == 0 ? string.Empty : layer.Accessibility + " ";
            writer.Line($"{access}partial {layer.TypeName} {layer.Name} {{ get => {Literals.Camel(layer.Name)}; }}");
        }

        writer.Line();
        writer.Line($"/// <summary>Runs the {role.ToLowerInvariant()} on a [N, {string.Join(", ", network.InputShape)}] batch.</summary>");
        writer.Open($"public override {Tensor} forward({Tensor} input)");
        writer.Line($"{Tensor} x = input;");
        // Each new intermediate replaces x and the previous one is disposed at once (autograd keeps what backward
        // needs), so a training step needs no dispose scope. Activations run in place on intermediates; the
        // caller's input is never modified or disposed.
        bool fresh = false;
        foreach (var layer in network.Layers)
        {
            writer.Line($"// {layer.Name}: {Literals.Shape(layer.InputShape)} → {Literals.Shape(layer.OutputShape)}");
            for (int i = 0; i < layer.Steps.Count; i++)
            {
                var (expression, inPlace) = Forward(layer, i, fresh);
                if (inPlace) writer.Line(expression + ";");
                else if (fresh) writer.Line($"x = Replace(x, {expression});");
                else writer.Line($"x = {expression};");
                fresh = true;
            }
        }
        writer.Line("return x;");
        writer.Close();

        writer.Line();
        writer.Line("/// <summary>Every layer's description, output shape and parameter count, inferred at compile time.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::GanGen.Runtime.Inspection.LayerSummary> LayerSummaries { get; } = new global::GanGen.Runtime.Inspection.LayerSummary[]");
        writer.Line("{");
        foreach (var layer in network.Layers)
            writer.Line($"    new(\"{layer.Name}\", \"{Describe(layer)}\", {Literals.LongArray(layer.OutputShape)}, {Literals.Long(layer.ParameterCount)}),");
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>A Keras-style table of layers, output shapes and parameter counts.</summary>");
        writer.Line($"public static string Summary() => global::GanGen.Runtime.Inspection.ModelSummary.Format(\"{network.Name}\", {Literals.LongArray(network.InputShape)}, LayerSummaries);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override string ToString() => Summary();");

        writer.Line();
        writer.Open($"private static {Tensor} Replace({Tensor} previous, {Tensor} next)");
        writer.Line("previous.Dispose();");
        writer.Line("return next;");
        writer.Close();

        writer.Line();
        if (scalars.Count > 0)
        {
            writer.Line("/// <inheritdoc />");
            writer.Open("protected override void Dispose(bool disposing)");
            writer.Open("if (disposing)");
            foreach (var (field, _) in scalars) writer.Line($"{field}.Dispose();");
            writer.Close();
            writer.Line("base.Dispose(disposing);");
            writer.Close();
        }

        writer.Close();
    }

    private static string Constructor(LayerSpec layer)
    {
        foreach (var step in layer.Steps)
        {
            if (!step.IsLayer) continue;
            long input = step.InputShape[0];
            switch (step.Kind)
            {
                case "Dense":
                    return $"global::TorchSharp.torch.nn.Linear({Literals.Long(input)}, {Literals.Long((long)step.Get("Units", 1))}, hasBias: {(step.Get("Bias", 1) != 0 ? "true" : "false")})";
                case "BatchNorm1d":
                    return $"global::TorchSharp.torch.nn.BatchNorm1d({Literals.Long(input)}, eps: {Literals.Double(step.Get("Epsilon", 1e-5))}, momentum: {Literals.Double(step.Get("Momentum", 0.1))})";
                case "LayerNorm":
                    return $"global::TorchSharp.torch.nn.LayerNorm(new long[] {{ {Literals.Long(step.InputShape[step.InputShape.Count - 1])} }}, eps: {Literals.Double(step.Get("Epsilon", 1e-5))})";
                case "Conv2d":
                    return $"global::TorchSharp.torch.nn.Conv2d({Literals.Long(input)}, {L(step, "Channels")}, {L(step, "Kernel")}, stride: {L(step, "Stride")}, padding: {L(step, "Padding")}, dilation: {L(step, "Dilation")}, bias: {Bool(step, "Bias")})";
                case "ConvTranspose2d":
                    return $"global::TorchSharp.torch.nn.ConvTranspose2d({Literals.Long(input)}, {L(step, "Channels")}, {L(step, "Kernel")}, stride: {L(step, "Stride")}, padding: {L(step, "Padding")}, output_padding: {L(step, "OutputPadding")}, dilation: {L(step, "Dilation")}, bias: {Bool(step, "Bias")})";
                case "BatchNorm2d":
                    return $"global::TorchSharp.torch.nn.BatchNorm2d({Literals.Long(input)}, eps: {Literals.Double(step.Get("Epsilon", 1e-5))}, momentum: {Literals.Double(step.Get("Momentum", 0.1))})";
                case "InstanceNorm2d":
                    return $"global::TorchSharp.torch.nn.InstanceNorm2d({Literals.Long(input)}, eps: {Literals.Double(step.Get("Epsilon", 1e-5))}, affine: true)";
            }
        }
        return "null!";
    }

    /// <summary>The expression for one step, and whether it updates x in place (returning x itself).</summary>
    private static (string Expression, bool InPlace) Forward(LayerSpec layer, int index, bool fresh)
    {
        var step = layer.Steps[index];
        if (step.IsLayer) return (LayerForward(layer, index), false);
        switch (step.Kind)
        {
            case "ReLU": return fresh ? ("x.relu_()", true) : ("x.relu()", false);
            case "LeakyReLU":
                // In-place leaky_relu cannot be differentiated with a negative slope.
                return fresh && step.Get("Slope", 0.2) >= 0
                    ? ($"x.leaky_relu_({ScalarField(layer, index)})", true)
                    : ($"x.leaky_relu({ScalarField(layer, index)})", false);
            case "Tanh": return fresh ? ("x.tanh_()", true) : ("x.tanh()", false);
            case "Sigmoid": return fresh ? ("x.sigmoid_()", true) : ("x.sigmoid()", false);
            case "SiLU": return fresh ? ("x.silu_()", true) : ("x.silu()", false);
            case "ELU": return ($"{Functional}.elu(x, {Literals.Double(step.Get("Alpha", 1.0))})", false);
            case "GELU": return ($"{Functional}.gelu(x)", false);
            case "Dropout": return ($"{Functional}.dropout(x, {Literals.Double(step.Get("Probability", 0.5))}, training)", false);
            case "Reshape": return ($"x.reshape({ArrayField(layer, index, "Shape")})", false);
            case "Flatten": return ("x.flatten(1)", false);
            case "Upsample":
                return ($"{Functional}.interpolate(x, scale_factor: {ArrayField(layer, index, "Scale")}, mode: global::TorchSharp.InterpolationMode.{(step.Get("Mode", 0) == 1 ? "Bilinear" : "Nearest")}{(step.Get("Mode", 0) == 1 ? ", align_corners: false" : string.Empty)})", false);
            case "AvgPool2d":
                return ($"{Functional}.avg_pool2d(x, {ArrayField(layer, index, "Kernel")}, {ArrayField(layer, index, "Stride")}, {ArrayField(layer, index, "Padding")})", false);
            case "MaxPool2d":
                return ($"{Functional}.max_pool2d(x, {ArrayField(layer, index, "Kernel")}, {ArrayField(layer, index, "Stride")}, {ArrayField(layer, index, "Padding")})", false);
            default: return ("x", true);
        }
    }

    /// <summary>
    /// Layers with array or scalar arguments are called through their functional form with cached arrays, because
    /// TorchSharp's module forwards allocate those arguments (and a Scalar for BatchNorm's batch counter) on every call.
    /// </summary>
    private static string LayerForward(LayerSpec layer, int index)
    {
        var step = layer.Steps[index];
        string module = Literals.Camel(layer.Name);
        switch (step.Kind)
        {
            case "Conv2d":
                return $"{Functional}.conv2d(x, {module}.weight, {module}.bias, {ArrayField(layer, index, "Stride")}, {ArrayField(layer, index, "Padding")}, {ArrayField(layer, index, "Dilation")})";
            case "ConvTranspose2d":
                return $"{Functional}.conv_transpose2d(x, {module}.weight, {module}.bias, {ArrayField(layer, index, "Stride")}, {ArrayField(layer, index, "Padding")}, {ArrayField(layer, index, "OutputPadding")}, {ArrayField(layer, index, "Dilation")})";
            case "BatchNorm1d":
            case "BatchNorm2d":
                // Momentum is fixed, so the module's num_batches_tracked counter (used only without one) is not kept.
                return $"{Functional}.batch_norm(x, {module}.running_mean, {module}.running_var, {module}.weight, {module}.bias, {module}.training, {Literals.Double(step.Get("Momentum", 0.1))}, {Literals.Double(step.Get("Epsilon", 1e-5))})";
            case "InstanceNorm2d":
                return $"{Functional}.instance_norm(x, null, null, {module}.weight, {module}.bias, true, 0.1, {Literals.Double(step.Get("Epsilon", 1e-5))})";
            default:
                return $"{module}.forward(x)";
        }
    }

    private static IEnumerable<(string Name, string Type, string Values)> StaticArrays(StepSpec step)
    {
        switch (step.Kind)
        {
            case "Conv2d":
            case "ConvTranspose2d":
                foreach (var name in step.Kind == "Conv2d" ? new[] { "Stride", "Padding", "Dilation" } : new[] { "Stride", "Padding", "OutputPadding", "Dilation" })
                {
                    string value = Literals.Long((long)step.Get(name, 0));
                    yield return (name, "long", value + ", " + value);
                }
                break;
            case "Reshape":
                var shape = new List<string> { "-1L" };
                foreach (int dimension in step.Dimensions) shape.Add(Literals.Long(dimension));
                yield return ("Shape", "long", string.Join(", ", shape));
                break;
            case "Upsample":
                string scale = Literals.Double(step.Get("Scale", 2));
                yield return ("Scale", "double", scale + ", " + scale);
                break;
            case "AvgPool2d":
            case "MaxPool2d":
                long kernel = (long)step.Get("Kernel", 2);
                long stride = (long)step.Get("Stride", 0);
                if (stride == 0) stride = kernel;
                long padding = (long)step.Get("Padding", 0);
                yield return ("Kernel", "long", Literals.Long(kernel) + ", " + Literals.Long(kernel));
                yield return ("Stride", "long", Literals.Long(stride) + ", " + Literals.Long(stride));
                yield return ("Padding", "long", Literals.Long(padding) + ", " + Literals.Long(padding));
                break;
        }
    }

    private static string ArrayField(LayerSpec layer, int index, string name) => $"s_{layer.Name}{name}{index}";

    private static string L(StepSpec step, string name) => Literals.Long((long)step.Get(name, 0));

    private static string Bool(StepSpec step, string name) => step.Get(name, 1) != 0 ? "true" : "false";

    private static string Describe(LayerSpec layer)
    {
        var parts = new List<string>();
        foreach (var step in layer.Steps)
        {
            parts.Add(step.Kind switch
            {
                "Dense" => $"Dense {step.InputShape[0]} → {(long)step.Get("Units", 1)}{(step.Get("Bias", 1) != 0 ? string.Empty : " (no bias)")}",
                "LeakyReLU" => $"LeakyReLU({Literals.Double(step.Get("Slope", 0.2))})",
                "ELU" => $"ELU({Literals.Double(step.Get("Alpha", 1.0))})",
                "Dropout" => $"Dropout({Literals.Double(step.Get("Probability", 0.5))})",
                "Conv2d" => $"Conv2d {step.InputShape[0]} → {(long)step.Get("Channels", 1)}, k{(long)step.Get("Kernel", 3)} s{(long)step.Get("Stride", 1)} p{(long)step.Get("Padding", 0)}{(step.Get("Bias", 1) != 0 ? string.Empty : " (no bias)")}",
                "ConvTranspose2d" => $"ConvTranspose2d {step.InputShape[0]} → {(long)step.Get("Channels", 1)}, k{(long)step.Get("Kernel", 4)} s{(long)step.Get("Stride", 2)} p{(long)step.Get("Padding", 1)}{(step.Get("Bias", 1) != 0 ? string.Empty : " (no bias)")}",
                "Reshape" => $"Reshape {Literals.Shape(step.OutputShape)}",
                "Upsample" => $"Upsample ×{(long)step.Get("Scale", 2)}",
                _ => step.Kind,
            });
        }
        return string.Join(", ", parts);
    }

    private static string ScalarField(LayerSpec layer, int index) => $"{Literals.Camel(layer.Name)}Slope{index}";

    private static string Count(NetworkSpec network)
    {
        long total = 0;
        foreach (var layer in network.Layers) total += layer.ParameterCount;
        return total.ToString("N0", CultureInfo.InvariantCulture);
    }
}
