using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Emits a network or a block as a TorchSharp module: one field and one strongly-typed partial property per node,
/// explicit registration under the node's name (so parameters read <c>Hidden1.weight</c>, <c>Block1.Conv1.weight</c>),
/// each layer's construction stated once, and a straight-line <c>forward</c> printed from the lowered
/// <see cref="NodeProgram"/>, with no Sequential, LINQ or reflection. What each step constructs and computes comes from its
/// <see cref="StepKind"/>; this class only walks the nodes.
/// </summary>
internal static class NetworkEmitter
{
    private const string Tensor = KnownNames.Tensor;

    public static void Emit(SourceWriter writer, NetworkSpec network, GanSpec gan)
    {
        var plan = NetworkPlan.Of(network);
        string role = network.Role == NetworkRole.Generator ? "Generator" : "Discriminator";
        writer.Line($"/// <summary>{role} of <see cref=\"{gan.Name}\"/>: {Literals.Shape(network.InputShape)} → {Literals.Shape(network.OutputShape)} per sample, " +
            $"{Literals.Count(plan.ParameterCount)} parameters.</summary>");
        writer.Line(Generated.Attribute);
        writer.Open($"partial class {network.Name} : {ModuleBase(network)}, global::GanGen.Runtime.Kernels.IKernelChecked");

        if (network.Role == NetworkRole.Generator && gan.Input == GeneratorInput.Noise)
        {
            writer.Line("/// <summary>Length of the latent vector z this generator takes.</summary>");
            writer.Line($"public const int LatentSize = {Literals.Int(gan.LatentSize)};");
            writer.Line();
        }
        EmitBody(writer, plan, network.Name, network.Init, $"with {Initialisation(network.Init)}");
        writer.Line();
        ForwardEmitter.Emit(writer, network, plan);
        writer.Line();
        OnnxEmitter.Emit(writer, network, plan, gan);
        EmitTail(writer, plan, network.Name, network.InputShape);
        writer.Close();
    }

    /// <summary>A block class: its nodes as a module, built by each node that uses it; the network's initialisation reaches it.</summary>
    public static void Emit(SourceWriter writer, BlockSpec block)
    {
        var plan = NetworkPlan.Of(block);
        string input = block.InputShape.Count != 3 ? Literals.Shape(block.InputShape) : block.InputShape[0] == 1 ? "1 channel" : $"{block.InputShape[0]} channels";
        writer.Line($"/// <summary>Block of {Literals.Count(block.Layers.Count)} nodes on {input}, {Literals.Count(plan.ParameterCount)} parameters per use; " +
            "each use is a module of its own.</summary>");
        writer.Line(Generated.Attribute);
        string module = block.ClassConditional ? $"global::TorchSharp.torch.nn.Module<{Tensor}, {Tensor}, {Tensor}>" : $"global::TorchSharp.torch.nn.Module<{Tensor}, {Tensor}>";
        writer.Open($"partial class {block.Name} : {module}, global::GanGen.Runtime.Kernels.IKernelChecked");
        EmitBody(writer, plan, block.Name, WeightInit.Default, "initialised by the network that uses it");
        writer.Line();
        ForwardEmitter.Emit(writer, block, plan);
        writer.Line();
        OnnxEmitter.Emit(writer, block, plan);
        EmitTail(writer, plan, block.Name, block.InputShape);
        writer.Close();
    }

    private static void EmitBody(SourceWriter writer, NetworkPlan plan, string name, WeightInit init, string initialisation)
    {
        foreach (var layer in plan.Nodes) writer.Line($"private readonly {layer.TypeName} {Literals.Field(layer.Name)};");
        foreach (var module in plan.LabelModules) writer.Line($"private readonly {module.Type} {Literals.Field(module.Name)};");
        foreach (var (_, field, _) in plan.SpectralLayers) writer.Line($"private readonly global::GanGen.Runtime.Networks.SpectralNorm {field};");
        foreach (var field in plan.Fields)
        {
            string modifiers = field.IsStatic ? "private static readonly" : "private readonly";
            writer.Line($"{modifiers} {field.Type} {field.Name} = {field.Initializer};");
        }
        writer.Line();

        writer.Line($"/// <summary>Builds the layers on the CPU, registered under their names, {initialisation}, once their kernels are checked.</summary>");
        writer.Open($"public {name}() : base(\"{name}\")");
        writer.Line("global::GanGen.Runtime.Kernels.KernelCheck.Verify(KernelProbes);");
        foreach (var layer in plan.Nodes)
        {
            writer.Line($"{Literals.Field(layer.Name)} = {plan.Factory(layer)}();");
            writer.Line($"register_module(\"{layer.Name}\", {Literals.Field(layer.Name)});");
        }
        foreach (var module in plan.LabelModules)
        {
            writer.Line($"{Literals.Field(module.Name)} = {module.Constructor};");
            writer.Line($"register_module(\"{module.Name}\", {Literals.Field(module.Name)});");
        }
        if (init != WeightInit.Default)
            writer.Line($"global::GanGen.Runtime.Initialization.WeightInitializer.Apply(this, global::GanGen.WeightInit.{init});");
        foreach (var module in plan.LabelModules)
        {
            if (module.AfterInitialisation is { } statement) writer.Line(statement);
        }
        // After initialisation, so declaring spectral norm draws its vectors without changing any layer's weights.
        foreach (var (layer, field, second) in plan.SpectralLayers)
            writer.Line($"{field} = new({Literals.Field(layer.Name)}, {Literals.Field(layer.Name)}.weight!{(second ? ", outputsAlongSecondDimension: true" : string.Empty)});");
        writer.Close();
        EmitKernelProbes(writer, plan);

        foreach (var layer in plan.Nodes)
        {
            writer.Line();
            writer.Line($"/// <summary>{plan.Describe(layer)}: {Literals.Shape(layer.InputShape)} → {Literals.Shape(layer.OutputShape)}, " +
                $"{Literals.Count(layer.ParameterCount)} parameters.</summary>");
            string access = layer.Accessibility.Length == 0 ? string.Empty : layer.Accessibility + " ";
            writer.Line($"{access}partial {layer.TypeName} {layer.Name} {{ get => {Literals.Field(layer.Name)}; }}");
        }
    }

    private static void EmitTail(SourceWriter writer, NetworkPlan plan, string name, EquatableArray<long> input)
    {
        if (plan.HasSpectralNorm) EmitSpectralPasses(writer, plan);

        writer.Line();
        writer.Line("/// <summary>Every layer's description, output shape and parameter count, inferred at compile time.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::GanGen.Runtime.Inspection.LayerSummary> LayerSummaries { get; } =");
        writer.Line("    new global::GanGen.Runtime.Inspection.LayerSummary[]");
        writer.Line("{");
        foreach (var layer in plan.Nodes)
            writer.Line($"    new(\"{layer.Name}\", \"{plan.Describe(layer)}\", {Literals.LongArray(layer.OutputShape)}, {Literals.Long(layer.ParameterCount)}),");
        foreach (var module in plan.LabelModules)
            writer.Line($"    new(\"{module.Name}\", \"{module.Description}\", {Literals.LongArray(new EquatableArray<long>(module.OutputShape))}, {Literals.Long(module.ParameterCount)}),");
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>A Keras-style table of layers, output shapes and parameter counts.</summary>");
        writer.Wrapped($"public static string Summary() => global::GanGen.Runtime.Inspection.ModelSummary.Format(\"{name}\", {Literals.LongArray(input)}, LayerSummaries);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override string ToString() => Summary();");
        writer.Line();
        // TorchSharp registers a child module's fields again under their field names (_Conv1) when the child is
        // registered: every component here is registered once, under its declared name.
        writer.Line("/// <summary>Registers nothing by reflection: the constructor registered every layer under its declared name.</summary>");
        writer.Line("protected override void RegisterComponents()");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Open($"private static {Tensor} Replace({Tensor} previous, {Tensor} next)");
        writer.Line("previous.Dispose();");
        writer.Line("return next;");
        writer.Close();

        var disposable = plan.Fields.FindAll(field => field.Disposable).ConvertAll(field => field.Name);
        foreach (var (_, field, _) in plan.SpectralLayers) disposable.Add(field);
        if (disposable.Count > 0)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Open("protected override void Dispose(bool disposing)");
            writer.Open("if (disposing)");
            foreach (var field in disposable) writer.Line($"{field}.Dispose();");
            writer.Close();
            writer.Line("base.Dispose(disposing);");
            writer.Close();
        }
    }

    /// <summary>
    /// Each layer's construction, stated once: the constructor and the kernel check's probes call it. The probes list
    /// each distinct configuration with the input shape of one sample, as inferred at compile time, then each block's.
    /// </summary>
    private static void EmitKernelProbes(SourceWriter writer, NetworkPlan plan)
    {
        writer.Line();
        string blocks = plan.BlockNodes.GetEnumerator().MoveNext() ? " (its blocks' too)" : string.Empty;
        writer.Line($"/// <summary>Each distinct layer configuration with one sample's input shape{blocks}: what the kernel check runs once per process.</summary>");
        writer.Line($"public static {KernelProbeList} KernelProbes {{ get; }} =");
        writer.Line("[");
        var seen = new HashSet<string>();
        foreach (var layer in plan.Nodes)
        {
            if (plan.Probe(layer) is not var (description, shape)) continue;
            if (seen.Add(description + Literals.LongArray(shape)))
                writer.Line($"    new(\"{description}\", {Literals.LongArray(shape)}, {plan.Factory(layer)}),");
        }
        var blockTypes = new HashSet<string>();
        foreach (var node in plan.BlockNodes)
        {
            if (blockTypes.Add(node.Block!.TypeName)) writer.Line($"    .. {node.Block.TypeName}.KernelProbes,");
        }
        writer.Line("];");
        foreach (var layer in plan.Nodes)
        {
            writer.Line();
            writer.ExpressionBodied($"private static {layer.TypeName} {plan.Factory(layer)}()", plan.Construct(layer));
        }
    }

    private const string KernelProbeList = "global::System.Collections.Generic.IReadOnlyList<global::GanGen.Runtime.Kernels.KernelProbe>";

    private static void EmitSpectralPasses(SourceWriter writer, NetworkPlan plan)
    {
        writer.Line();
        writer.Line("/// <summary>Starts an update: each spectrally normalised weight is computed once (one power iteration) and shared until the end.</summary>");
        writer.Open("public void BeginSpectralPass()");
        foreach (var (_, field, _) in plan.SpectralLayers) writer.Line($"{field}.BeginPass();");
        foreach (var layer in plan.SelfSpectralLayers) writer.Line($"{Literals.Field(layer.Name)}.BeginSpectralPass();");
        foreach (var node in plan.BlockNodes)
        {
            if (NetworkPlan.HasSpectral(node.Block!)) writer.Line($"{Literals.Field(node.Name)}.BeginSpectralPass();");
        }
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Ends an update: the weights may change now.</summary>");
        writer.Open("public void EndSpectralPass()");
        foreach (var (_, field, _) in plan.SpectralLayers) writer.Line($"{field}.EndPass();");
        foreach (var layer in plan.SelfSpectralLayers) writer.Line($"{Literals.Field(layer.Name)}.EndSpectralPass();");
        foreach (var node in plan.BlockNodes)
        {
            if (NetworkPlan.HasSpectral(node.Block!)) writer.Line($"{Literals.Field(node.Name)}.EndSpectralPass();");
        }
        writer.Close();
    }

    /// <summary>The TorchSharp module type: one input, or the input and its labels; an AC-GAN discriminator also returns class logits.</summary>
    public static string ModuleBase(NetworkSpec network)
    {
        const string Module = "global::TorchSharp.torch.nn.Module";
        if (network.Condition.Mode == Conditioning.Auxiliary) return $"{Module}<{Tensor}, ({Tensor} Scores, {Tensor} ClassLogits)>";
        return network.Condition.TakesLabels ? $"{Module}<{Tensor}, {Tensor}, {Tensor}>" : $"{Module}<{Tensor}, {Tensor}>";
    }

    private static string Initialisation(WeightInit init) => init switch
    {
        WeightInit.Dcgan => "DCGAN initialisation (weights N(0, 0.02))",
        WeightInit.Xavier => "Xavier-normal weights and zero biases",
        WeightInit.Kaiming => "Kaiming-normal weights and zero biases",
        WeightInit.Orthogonal => "orthogonal weights and zero biases",
        _ => "TorchSharp's default initialisation",
    };
}
