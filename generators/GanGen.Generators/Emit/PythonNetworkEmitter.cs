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
    public static void Emit(PythonWriter writer, NetworkSpec network)
    {
        var plan = NetworkPlan.Of(network);
        var condition = network.Condition;
        writer.Open($"class {network.Name}(nn.Module):");
        writer.Line($"\"\"\"The {network.Role.ToString().ToLowerInvariant()}: {Literals.Shape(network.InputShape)} -> {Literals.Shape(network.OutputShape)} per sample.\"\"\"");
        writer.Line();
        writer.Open("def __init__(self):");
        writer.Line("super().__init__()");
        foreach (var layer in network.Layers)
            writer.Line(PythonNames.Register(layer.Name, LayerStep(layer, plan).Module!));
        foreach (var module in plan.LabelModules) writer.Line(PythonNames.Register(module.Name, LabelModule(module, condition)));
        writer.Line($"rt.initialise(self, {PythonNames.String(network.Init.ToString())})");
        foreach (var layer in network.Layers)
        {
            foreach (var step in layer.Steps)
            {
                if (plan.Site(step, fresh: true).ClassConditional)
                    writer.Line($"rt.initialise_scale_and_shift({PythonNames.Member(layer.Name + "Scale")}, {PythonNames.Member(layer.Name + "Shift")})");
            }
        }
        // The projection starts Xavier-uniform, as NetworkPlan initialises it in GanGen.
        if (condition.Mode == Conditioning.Projection) writer.Line("nn.init.xavier_uniform_(self.LabelProjection.weight)");
        // After initialisation, as in GanGen: the vectors are drawn without changing any layer's weights.
        foreach (var (layer, field, second) in plan.SpectralLayers)
            writer.Line($"{StepKind.PythonSpectral(field)} = rt.SpectralNorm({PythonNames.Member(layer.Name)}{(second ? ", outputs_along_second_dimension=True" : string.Empty)})");
        writer.Close();
        writer.Line();
        EmitForward(writer, network, plan);
        if (FeatureMatching.Of(network) is { } matching) EmitFeatures(writer, network, plan, matching);
        if (plan.SpectralLayers.Count > 0) EmitSpectralPasses(writer, plan);
        writer.Close();
    }

    /// <summary>The features generator samples are matched on: the steps up to [FeatureMatching], as GanGen's Features.</summary>
    private static void EmitFeatures(PythonWriter writer, NetworkSpec network, NetworkPlan plan, FeatureMatching matching)
    {
        writer.Line();
        writer.Open(Signature("features", network, out string input));
        writer.Line("\"\"\"The output at [FeatureMatching], what the generator's feature-matching term compares.\"\"\"");
        writer.Line(JoinLabel(network.Condition, input));
        for (int l = 0; l <= matching.Layer; l++)
        {
            var steps = network.Layers[l].Steps;
            int last = l == matching.Layer ? matching.Step : steps.Count - 1;
            for (int s = 0; s <= last; s++) WriteStep(writer, steps[s], plan);
        }
        writer.Line("return x");
        writer.Close();
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
            writer.Close();
        }
    }

    private static void WriteStep(PythonWriter writer, StepSpec step, NetworkPlan plan)
    {
        var python = StepCatalog.Get(step.Kind).Python(step, plan.Site(step, fresh: true));
        if (!python.IsNone) writer.Line("x = " + python.Forward);
    }

    private static void EmitForward(PythonWriter writer, NetworkSpec network, NetworkPlan plan)
    {
        var condition = network.Condition;
        writer.Open(Signature("forward", network, out string input));
        writer.Line(JoinLabel(condition, input));
        bool head = condition.Mode is Conditioning.Projection or Conditioning.Auxiliary;
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            writer.Line($"# {layer.Name}: {Literals.Shape(layer.InputShape)} -> {Literals.Shape(layer.OutputShape)}");
            if (l == network.Layers.Count - 1 && head) writer.Line("features = x");
            foreach (var step in layer.Steps) WriteStep(writer, step, plan);
        }
        if (condition.Mode == Conditioning.Projection) writer.Line("x = rt.add_projection(x, features, self.LabelProjection, labels)");
        writer.Line(condition.Mode == Conditioning.Auxiliary ? "return x, rt.classify(self.ClassHead, features)" : "return x");
        writer.Close();
    }

    private static string Signature(string method, NetworkSpec network, out string input)
    {
        var condition = network.Condition;
        input = !condition.TakesLabels ? "input" : network.Role == NetworkRole.Generator ? "noise" : "samples";
        return condition.TakesLabels ? $"def {method}(self, {input}, labels):" : $"def {method}(self, {input}):";
    }

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
