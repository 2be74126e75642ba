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
        var program = plan.Program(head);
        Print(writer, plan, program, input, condition.TakesLabels);
        if (condition.Mode == Conditioning.Projection)
            writer.Line("x = graph.AddProjection(x, features, _LabelProjection, labels, \"LabelProjection\");");
        writer.Wrapped($"graph.Output(x, \"{(generator ? "samples" : "scores")}\", {BatchShape(network.OutputShape)});");
        if (auxiliary)
            writer.Wrapped($"graph.Output(graph.Classify(features, _ClassHead, \"ClassHead\"), \"class_logits\", new long[] {{ -1L, {Literals.Long(condition.Classes)} }});");
        writer.Line("return graph;");
        writer.Close();
    }

    /// <summary>A block's nodes added to a network's graph: each use's initializers are named after it (<c>Block1.Conv1.weight</c>).</summary>
    public static void Emit(SourceWriter writer, BlockSpec block, NetworkPlan plan)
    {
        writer.Line("/// <summary>Adds this block to <paramref name=\"graph\"/> on <paramref name=\"input\"/> (inference semantics), its nodes named <paramref name=\"prefix\"/> + name.</summary>");
        string labels = block.ClassConditional ? $", {Value} labels" : string.Empty;
        writer.Open($"public {Value} ToOnnx({Builder} graph, {Value} input, string prefix{labels})");
        writer.Line($"{Value} x = input;");
        Print(writer, plan, plan.Program(head: false), "input", block.ClassConditional);
        writer.Line("return x;");
        writer.Close();
    }

    /// <summary>The program's data flow in ONNX: kept values are graph values, nothing is disposed.</summary>
    private static void Print(SourceWriter writer, NetworkPlan plan, NodeProgram program, string input, bool labels)
    {
        foreach (var instruction in program.Instructions)
        {
            var node = instruction.Node;
            switch (instruction.Op)
            {
                case Op.Node:
                    writer.Line($"// {node!.Name}: {Literals.Shape(node.InputShape)} → {Literals.Shape(node.OutputShape)}");
                    break;
                case Op.Load:
                    writer.Line($"x = {plan.Local(instruction.Value!, input)};");
                    break;
                case Op.Keep:
                    writer.Line($"{Value} {plan.Local(instruction.Value!, input)} = x;");
                    break;
                case Op.Block:
                    string prefix = plan.InBlock ? $"prefix + \"{node!.Name}.\"" : $"\"{node!.Name}.\"";
                    writer.Wrapped($"x = {Literals.Field(node.Name)}.ToOnnx(graph, x, {prefix}{(node.Block!.ClassConditional ? ", labels" : string.Empty)});");
                    break;
                case Op.Step:
                case Op.Merge:
                    string expression = StepCatalog.Get(instruction.Step!.Kind).Onnx(instruction.Step, plan.Site(instruction.Step, fresh: true, input));
                    if (expression.Length > 0) writer.Wrapped($"x = {expression};");
                    break;
            }
        }
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
