using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Emits a network's <c>ToOnnx()</c>: its inference graph written from the compile-time description with
/// OnnxGraphBuilder, no tracing. Inputs and outputs are named for deployment: a generator takes <c>noise</c> (or a
/// refiner's <c>source</c>) and, when conditional, int64 <c>labels</c>, and returns <c>samples</c>; a discriminator
/// takes <c>samples</c> (and <c>labels</c>) and returns <c>scores</c> (and AC-GAN's <c>class_logits</c>).
/// </summary>
internal static class OnnxEmitter
{
    private const string Builder = "global::GanGen.Runtime.Interop.Onnx.OnnxGraphBuilder";
    private const string Value = "global::GanGen.Runtime.Interop.Onnx.OnnxValue";

    public static void Emit(SourceWriter writer, NetworkSpec network, NetworkPlan plan, GanSpec gan)
    {
        bool generator = network.Role == NetworkRole.Generator;
        var condition = network.Condition;
        string input = generator ? (gan.Input == GeneratorInput.Source ? "source" : "noise") : "samples";
        bool auxiliary = condition.Mode == Conditioning.Auxiliary;
        bool head = condition.Mode is Conditioning.Projection or Conditioning.Auxiliary;

        writer.Line("/// <summary>");
        writer.Line($"/// This network as an ONNX inference graph (running statistics, no dropout), weights copied now: <c>{input}</c>" +
            (condition.TakesLabels ? " and <c>labels</c>" : string.Empty) + $" → <c>{(generator ? "samples" : "scores")}</c>" +
            (auxiliary ? " and <c>class_logits</c>" : string.Empty) + ".");
        writer.Line("/// </summary>");
        writer.Open($"public {Builder} ToOnnx()");
        writer.Line($"var graph = new {Builder}(\"{network.Name}\");");
        foreach (var (key, value) in Metadata(network, gan)) writer.Line($"graph.Metadata[\"{key}\"] = {Literals.String(value)};");
        writer.Wrapped($"{Value} {input} = graph.Input(\"{input}\", {BatchShape(CallerShape(network))});");
        if (condition.TakesLabels)
            writer.Wrapped($"{Value} labels = graph.Input(\"labels\", new long[] {{ -1L }}, global::GanGen.Runtime.Interop.Onnx.OnnxDataType.Int64);");
        writer.Wrapped($"{Value} x = {JoinLabel(condition, input, network)};");

        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            writer.Line($"// {layer.Name}: {Literals.Shape(layer.InputShape)} → {Literals.Shape(layer.OutputShape)}");
            if (l == network.Layers.Count - 1 && head) writer.Line($"{Value} features = x;");
            foreach (var step in layer.Steps)
            {
                string expression = StepCatalog.Get(step.Kind).Onnx(step, plan.Site(step, fresh: true));
                if (expression.Length > 0) writer.Wrapped($"x = {expression};");
            }
        }
        if (condition.Mode == Conditioning.Projection)
            writer.Line("x = graph.AddProjection(x, features, _LabelProjection, labels, \"LabelProjection\");");
        writer.Wrapped($"graph.Output(x, \"{(generator ? "samples" : "scores")}\", {BatchShape(network.OutputShape)});");
        if (auxiliary)
            writer.Wrapped($"graph.Output(graph.Classify(features, _ClassHead, \"ClassHead\"), \"class_logits\", new long[] {{ -1L, {Literals.Long(condition.Classes)} }});");
        writer.Line("return graph;");
        writer.Close();
    }

    private static string JoinLabel(ConditionSpec condition, string input, NetworkSpec network) => condition.Mode switch
    {
        Conditioning.Concatenate => $"graph.JoinLabel({input}, graph.OneHot(labels, {Literals.Int(condition.Classes)}), {Literals.Long(condition.Width)}, {BatchShape(CallerShape(network))})",
        Conditioning.Embedding => $"graph.JoinLabel({input}, graph.Embedding(labels, _LabelEmbedding, \"LabelEmbedding\"), {Literals.Long(condition.Width)}, {BatchShape(CallerShape(network))})",
        _ => input,
    };

    /// <summary>What the caller passes: the network's input before a joined label widens it.</summary>
    private static EquatableArray<long> CallerShape(NetworkSpec network)
    {
        var shape = Validation.Declared.ToArray(network.InputShape);
        if (network.Condition.Mode is Conditioning.Concatenate or Conditioning.Embedding) shape[0] -= network.Condition.Width;
        return new EquatableArray<long>(shape);
    }

    private static string BatchShape(EquatableArray<long> shape)
    {
        var values = new List<long> { -1 };
        foreach (long size in shape) values.Add(size);
        return "new long[] " + Literals.LongArrayInitializer(values);
    }

    /// <summary>What a server needs to feed the graph and read its output, without GanGen.</summary>
    private static IEnumerable<(string Key, string Value)> Metadata(NetworkSpec network, GanSpec gan)
    {
        yield return ("gangen.gan", gan.Name);
        yield return ("gangen.network", network.Role.ToString());
        yield return ("gangen.data_shape", string.Join(",", gan.DataShape));
        yield return ("gangen.range", gan.Range.ToString());
        yield return ("gangen.classes", gan.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (network.Role != NetworkRole.Generator) yield break;
        yield return ("gangen.input", gan.Input.ToString());
        if (gan.Input == GeneratorInput.Noise)
        {
            yield return ("gangen.latent_size", gan.LatentSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            yield return ("gangen.latent", gan.Latent.ToString());
        }
    }
}
