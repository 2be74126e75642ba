using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Emit;

/// <summary>
/// Writes a network of the PyTorch twin as an nn.Module: the same children under the same names in the same order
/// as the TorchSharp module (so state_dict names and order agree), and a forward that mirrors
/// <see cref="ForwardEmitter"/> step for step, each step's Python from its <see cref="StepKind"/>.
/// </summary>
internal static class PythonNetworkEmitter
{
    public static void Emit(PythonWriter writer, NetworkSpec network, PythonBlocks blocks)
    {
        var plan = NetworkPlan.Of(network);
        var condition = network.Condition;
        writer.Open($"class {network.Name}(nn.Module):");
        writer.Line($"\"\"\"The {network.Role.ToString().ToLowerInvariant()}: {Literals.Shape(network.InputShape)} -> {Literals.Shape(network.OutputShape)} per sample.\"\"\"");
        writer.Line();
        writer.Open("def __init__(self):");
        writer.Line("super().__init__()");
        RegisterNodes(writer, plan, blocks);
        foreach (var module in plan.LabelModules) writer.Line(PythonNames.Register(module.Name, LabelModule(module, condition)));
        writer.Line($"rt.initialise(self, {PythonNames.String(network.Init.ToString())})");
        InitialiseOwnParts(writer, plan);
        writer.Close();
        writer.Line();
        bool head = condition.Mode is Conditioning.Projection or Conditioning.Auxiliary;
        writer.Open(Signature("forward", plan, condition.TakesLabels));
        writer.Line(JoinLabel(condition, plan.InputVariable));
        Print(writer, plan, plan.Program(head));
        if (condition.Mode == Conditioning.Projection) writer.Line("x = rt.add_projection(x, features, self.LabelProjection, labels)");
        writer.Line(condition.Mode == Conditioning.Auxiliary ? "return x, rt.classify(self.ClassHead, features)" : "return x");
        writer.Close();
        if (FeatureMatching.Of(network) is { } matching)
        {
            writer.Line();
            writer.Open(Signature("features", plan, condition.TakesLabels));
            writer.Line("\"\"\"The output at [FeatureMatching], what the generator's feature-matching term compares.\"\"\"");
            writer.Line(JoinLabel(condition, plan.InputVariable));
            Print(writer, plan, plan.Program(head: false, (matching.Layer, matching.Step)));
            writer.Line("return x");
            writer.Close();
        }
        if (plan.HasSpectralNorm) EmitSpectralPasses(writer, plan);
        writer.Close();
    }

    /// <summary>A block as an nn.Module of its own; its network initialises it, as in GanGen.</summary>
    public static void Emit(PythonWriter writer, BlockSpec block, PythonBlocks blocks)
    {
        var plan = NetworkPlan.Of(block);
        writer.Open($"class {blocks.Name(block)}(nn.Module):");
        writer.Line($"\"\"\"A block of {block.Layers.Count} nodes; each use is a module of its own.\"\"\"");
        writer.Line();
        writer.Open("def __init__(self):");
        writer.Line("super().__init__()");
        RegisterNodes(writer, plan, blocks);
        foreach (var module in plan.LabelModules) writer.Line(PythonNames.Register(module.Name, $"nn.Embedding({PythonNames.Int(block.Classes)}, {PythonNames.Int(module.OutputShape[0])})"));
        InitialiseOwnParts(writer, plan);
        writer.Close();
        writer.Line();
        writer.Open(Signature("forward", plan, block.ClassConditional));
        writer.Line("x = input");
        Print(writer, plan, plan.Program(head: false));
        writer.Line("return x");
        writer.Close();
        if (plan.HasSpectralNorm) EmitSpectralPasses(writer, plan);
        writer.Close();
    }

    private static void RegisterNodes(PythonWriter writer, NetworkPlan plan, PythonBlocks blocks)
    {
        foreach (var layer in plan.Nodes)
            writer.Line(PythonNames.Register(layer.Name, layer.Block is { } block ? blocks.Name(block) + "()" : LayerStep(layer, plan).Module!));
    }

    /// <summary>What a module initialises itself after its nodes, as its GanGen constructor does: per-class norms, the projection, spectral norms.</summary>
    private static void InitialiseOwnParts(PythonWriter writer, NetworkPlan plan)
    {
        foreach (var layer in plan.Nodes)
        {
            foreach (var step in layer.Steps)
            {
                if (plan.Site(step, fresh: true).ClassConditional)
                    writer.Line($"rt.initialise_scale_and_shift({PythonNames.Member(layer.Name + "Scale")}, {PythonNames.Member(layer.Name + "Shift")})");
            }
        }
        // The projection starts Xavier-uniform, as NetworkPlan initialises it in GanGen.
        if (plan.Condition.Mode == Conditioning.Projection) writer.Line("nn.init.xavier_uniform_(self.LabelProjection.weight)");
        // After initialisation, as in GanGen: the vectors are drawn without changing any layer's weights.
        foreach (var (layer, field, second) in plan.SpectralLayers)
            writer.Line($"{StepKind.PythonSpectral(field)} = rt.SpectralNorm({PythonNames.Member(layer.Name)}{(second ? ", outputs_along_second_dimension=True" : string.Empty)})");
    }

    /// <summary>Starts and ends a pass of every spectral norm, where GanGen's trainer calls BeginSpectralPass and EndSpectralPass.</summary>
    private static void EmitSpectralPasses(PythonWriter writer, NetworkPlan plan)
    {
        foreach (string phase in new[] { "begin", "end" })
        {
            writer.Line();
            writer.Open($"def {phase}_spectral_pass(self):");
            writer.Line(phase == "begin"
                ? "\"\"\"Starts an update: each normalised weight is computed once (one power iteration) and shared until the end.\"\"\""
                : "\"\"\"Ends an update: the weights may change now.\"\"\"");
            foreach (var (_, field, _) in plan.SpectralLayers) writer.Line($"{StepKind.PythonSpectral(field)}.{phase}_pass()");
            foreach (var layer in plan.SelfSpectralLayers) writer.Line($"{PythonNames.Member(layer.Name)}.{phase}_spectral_pass()");
            foreach (var node in plan.BlockNodes)
            {
                if (NetworkPlan.HasSpectral(node.Block!)) writer.Line($"{PythonNames.Member(node.Name)}.{phase}_spectral_pass()");
            }
            writer.Close();
        }
    }

    /// <summary>The program's data flow in PyTorch: kept values are locals; Python frees tensors itself.</summary>
    private static void Print(PythonWriter writer, NetworkPlan plan, NodeProgram program)
    {
        foreach (var instruction in program.Instructions)
        {
            var node = instruction.Node;
            switch (instruction.Op)
            {
                case Op.Node:
                    writer.Line($"# {node!.Name}: {Literals.Shape(node.InputShape)} -> {Literals.Shape(node.OutputShape)}");
                    break;
                case Op.Load:
                    writer.Line($"x = {plan.Local(instruction.Value!)}");
                    break;
                case Op.Keep:
                    writer.Line($"{plan.Local(instruction.Value!)} = x");
                    break;
                case Op.Block:
                    writer.Line($"x = {PythonNames.Member(node!.Name)}(x{(node.Block!.ClassConditional ? ", labels" : string.Empty)})");
                    break;
                case Op.Step:
                case Op.Merge:
                    var python = StepCatalog.Get(instruction.Step!.Kind).Python(instruction.Step, plan.Site(instruction.Step, fresh: true));
                    if (!python.IsNone) writer.Line("x = " + python.Forward);
                    break;
            }
        }
    }

    private static string Signature(string method, NetworkPlan plan, bool labels) =>
        labels ? $"def {method}(self, {plan.InputVariable}, labels):" : $"def {method}(self, {plan.InputVariable}):";

    private static string JoinLabel(ConditionSpec condition, string input) => condition.Mode switch
    {
        Conditioning.Concatenate => $"x = rt.join({input}, rt.one_hot(labels, {PythonNames.Int(condition.Classes)}))",
        Conditioning.Embedding => $"x = rt.join({input}, self.LabelEmbedding(labels))",
        _ => $"x = {input}",
    };

    private static PythonStep LayerStep(LayerSpec layer, NetworkPlan plan)
    {
        foreach (var step in layer.Steps)
        {
            var kind = StepCatalog.Get(step.Kind);
            if (kind.IsLayer) return kind.Python(step, plan.Site(step, fresh: true));
        }
        throw new System.InvalidOperationException($"Layer '{layer.Name}' has no layer step; the validator guarantees one.");
    }

    /// <summary>The twin of a module the conditioning adds: an embedding (labels, projection, per-class scale or shift) or AC-GAN's class head.</summary>
    private static string LabelModule(LabelModule module, ConditionSpec condition) => module.Type.EndsWith("Embedding", System.StringComparison.Ordinal)
        ? $"nn.Embedding({PythonNames.Int(condition.Classes)}, {PythonNames.Int(module.OutputShape[0])})"
        : $"nn.Linear({PythonNames.Int(Shapes.Product(Declared.ToArray(condition.Features)))}, {PythonNames.Int(condition.Classes)})";
}
