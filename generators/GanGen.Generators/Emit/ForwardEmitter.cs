using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Writes a network's straight-line <c>forward</c>: the label joined to the input where declared, each step's code
/// from its <see cref="StepKind"/>, and a projection or class head on the last layer's input where declared.
/// </summary>
/// <remarks>
/// Each new intermediate replaces x and the previous one is disposed at once (autograd keeps what backward needs), so
/// a training step needs no dispose scope. Steps run in place only on intermediates the forward owns: the caller's
/// input is never modified or disposed.
/// </remarks>
internal static class ForwardEmitter
{
    private const string Tensor = KnownNames.Tensor;
    private const string Conditions = "global::GanGen.Runtime.Networks.Conditions";

    public static void Emit(SourceWriter writer, NetworkSpec network, NetworkPlan plan)
    {
        var condition = network.Condition;
        string returns = condition.Mode == Conditioning.Auxiliary ? $"({Tensor} Scores, {Tensor} ClassLogits)" : Tensor;
        writer.Line($"/// <summary>Runs the {(network.Role == NetworkRole.Generator ? "generator" : "discriminator")} on a [N, {string.Join(", ", Inputs(network))}] batch" +
            (condition.TakesLabels ? " and its [N] class labels" : string.Empty) + ".</summary>");
        writer.Open($"public override {returns} forward({Parameters(condition, network, out string input)})");
        WriteSteps(writer, network, plan, input, stop: null);
        writer.Close();

        if (FeatureMatching.Of(network) is { } matching)
        {
            writer.Line();
            writer.Line($"/// <summary>The features generator samples are matched on (Salimans et al. 2016): the output at [FeatureMatching], {Literals.Shape(matching.Shape)} per sample.</summary>");
            writer.Open($"public {Tensor} Features({Parameters(condition, network, out input)})");
            WriteSteps(writer, network, plan, input, matching);
            writer.Close();
        }
    }

    private static string Parameters(ConditionSpec condition, NetworkSpec network, out string input)
    {
        input = !condition.TakesLabels ? "input" : network.Role == NetworkRole.Generator ? "noise" : "samples";
        return condition.TakesLabels ? $"{Tensor} {input}, {Tensor} labels" : $"{Tensor} input";
    }

    /// <summary>The body: every step in order, the head on the last layer; or, with <paramref name="stop"/>, the steps up to the features it marks.</summary>
    private static void WriteSteps(SourceWriter writer, NetworkSpec network, NetworkPlan plan, string input, FeatureMatching? stop)
    {
        var condition = network.Condition;
        bool head = stop is null && condition.Mode is Conditioning.Projection or Conditioning.Auxiliary;
        bool fresh = JoinLabel(writer, condition, input);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            bool last = l == network.Layers.Count - 1;
            writer.Line($"// {layer.Name}: {Literals.Shape(layer.InputShape)} → {Literals.Shape(layer.OutputShape)}");
            bool featuresOwned = fresh;
            if (last && head)
            {
                // Keep the last layer's input alive: the projection or class head reads it after the layer.
                writer.Line($"{Tensor} features = x;");
                fresh = false;
            }
            for (int s = 0; s < layer.Steps.Count; s++)
            {
                var step = layer.Steps[s];
                var code = StepCatalog.Get(step.Kind).Forward(step, plan.Site(step, fresh));
                if (!code.IsNone)
                {
                    if (code.InPlace) writer.Wrapped(code.Expression + ";");
                    else if (fresh) writer.Wrapped($"x = Replace(x, {code.Expression});");
                    else writer.Wrapped($"x = {code.Expression};");
                    fresh = true;
                }
                if (stop is not null && stop.Layer == l && stop.Step == s)
                {
                    // The caller's input is never returned as is: a later dispose of the result would dispose it.
                    writer.Line(fresh ? "return x;" : "return x.alias();");
                    return;
                }
            }
            if (last && head) Head(writer, condition, featuresOwned);
        }
        writer.Line(condition.Mode == Conditioning.Auxiliary ? "return (x, classLogits);" : "return x;");
    }

    /// <summary>Joins the label to the input where declared; returns whether x is then an owned intermediate.</summary>
    private static bool JoinLabel(SourceWriter writer, ConditionSpec condition, string input)
    {
        switch (condition.Mode)
        {
            case Conditioning.Concatenate:
                writer.Line($"// The one-hot label joins the input (Mirza & Osindero 2014).");
                writer.Line($"using var label = {Conditions}.OneHot(labels, {Literals.Long(condition.Classes)});");
                writer.Line($"{Tensor} x = {Conditions}.Join({input}, label);");
                return true;
            case Conditioning.Embedding:
                writer.Line($"// The label's learned {condition.Width}-wide embedding joins the input.");
                writer.Line("using var label = _LabelEmbedding.forward(labels);");
                writer.Line($"{Tensor} x = {Conditions}.Join({input}, label);");
                return true;
            default:
                writer.Line($"{Tensor} x = {input};");
                return false;
        }
    }

    private static void Head(SourceWriter writer, ConditionSpec condition, bool featuresOwned)
    {
        if (condition.Mode == Conditioning.Projection)
        {
            writer.Line("// Projection discriminator (Miyato & Koyama 2018): the score gains ⟨embed(y), φ(x)⟩.");
            writer.Line($"{Conditions}.AddProjection(x, features, _LabelProjection, labels);");
        }
        else
        {
            writer.Line("// AC-GAN (Odena et al. 2017): class logits from the same features.");
            writer.Line($"{Tensor} classLogits = {Conditions}.Classify(_ClassHead, features);");
        }
        if (featuresOwned) writer.Line("features.Dispose();");
    }

    private static string[] Inputs(NetworkSpec network)
    {
        // The batch the caller passes: the network's input before any label is joined to it.
        var shape = Validation.Declared.ToArray(network.InputShape);
        if (network.Condition.Mode is Conditioning.Concatenate or Conditioning.Embedding) shape[0] -= network.Condition.Width;
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++) parts[i] = shape[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return parts;
    }
}
