using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Prints a network's or block's <see cref="NodeProgram"/> as its straight-line TorchSharp <c>forward</c>: the label
/// joined to the input where declared, each step's code from its <see cref="StepKind"/>, kept values for later readers,
/// and a projection or class head on the last layer's input where declared.
/// </summary>
/// <remarks>
/// Each new intermediate replaces x and the previous one is disposed at once (autograd keeps what backward needs), and
/// a kept value is disposed after its last reader, so a training step needs no dispose scope. Steps run in place only
/// on intermediates the forward owns alone: the caller's input and kept values are never modified, and never disposed
/// by the forward.
/// </remarks>
internal static class ForwardEmitter
{
    private const string Tensor = KnownNames.Tensor;
    private const string Conditions = "global::GanGen.Runtime.Networks.Conditions";

    public static void Emit(SourceWriter writer, NetworkSpec network, NetworkPlan plan)
    {
        var condition = network.Condition;
        string returns = condition.Mode == Conditioning.Auxiliary ? $"({Tensor} Scores, {Tensor} ClassLogits)" : Tensor;
        bool head = condition.Mode is Conditioning.Projection or Conditioning.Auxiliary;
        writer.Line($"/// <summary>Runs the {(network.Role == NetworkRole.Generator ? "generator" : "discriminator")} on a [N, {string.Join(", ", Inputs(network))}] batch" +
            (condition.TakesLabels ? " and its [N] class labels" : string.Empty) + ".</summary>");
        writer.Open($"public override {returns} forward({Parameters(plan, condition.TakesLabels)})");
        var program = plan.Program(head);
        JoinLabel(writer, condition, plan.InputVariable);
        Print(writer, plan, program, auxiliary: condition.Mode == Conditioning.Auxiliary, labels: condition.TakesLabels);
        writer.Close();

        if (FeatureMatching.Of(network) is { } matching)
        {
            writer.Line();
            writer.Line($"/// <summary>The features generator samples are matched on (Salimans et al. 2016): the output at [FeatureMatching], {Literals.Shape(matching.Shape)} per sample.</summary>");
            writer.Open($"public {Tensor} Features({Parameters(plan, condition.TakesLabels)})");
            var features = plan.Program(head: false, (matching.Layer, matching.Step));
            JoinLabel(writer, condition, plan.InputVariable);
            Print(writer, plan, features, auxiliary: false, labels: condition.TakesLabels);
            writer.Close();
        }
    }

    public static void Emit(SourceWriter writer, BlockSpec block, NetworkPlan plan)
    {
        writer.Line($"/// <summary>Runs the block on a batch{(block.ClassConditional ? " and its [N] class labels" : string.Empty)}.</summary>");
        writer.Open($"public override {Tensor} forward({Parameters(plan, block.ClassConditional)})");
        writer.Line($"{Tensor} x = input;");
        Print(writer, plan, plan.Program(head: false), auxiliary: false, labels: block.ClassConditional);
        writer.Close();
    }

    private static string Parameters(NetworkPlan plan, bool labels) =>
        labels ? $"{Tensor} {plan.InputVariable}, {Tensor} labels" : $"{Tensor} {plan.InputVariable}";

    private static void Print(SourceWriter writer, NetworkPlan plan, NodeProgram program, bool auxiliary, bool labels)
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
                    if (instruction.Owned) writer.Line("x.Dispose();");
                    writer.Line($"x = {plan.Local(instruction.Value!)};");
                    break;
                case Op.Keep:
                    // An alias view when x is not this forward's own (the caller's input, another kept value).
                    writer.Line($"{Tensor} {plan.Local(instruction.Value!)} = {(instruction.Owned ? "x" : "x.alias()")};");
                    break;
                case Op.Release:
                    if (instruction.Owned) writer.Line($"{plan.Local(instruction.Value!)}.Dispose();");
                    break;
                case Op.Block:
                    Assign(writer, $"{Literals.Field(node!.Name)}.forward(x{(node.Block!.ClassConditional ? ", labels" : string.Empty)})", instruction.Fresh);
                    break;
                case Op.Step:
                case Op.Merge:
                    var code = StepCatalog.Get(instruction.Step!.Kind).Forward(instruction.Step, plan.Site(instruction.Step, instruction.Fresh));
                    if (code.IsNone) break;
                    if (code.InPlace) writer.Wrapped(code.Expression + ";");
                    else Assign(writer, code.Expression, instruction.Fresh);
                    break;
                case Op.Head:
                    Head(writer, plan.Condition);
                    break;
                case Op.Return:
                    // The caller's input is never returned as is: a later dispose of the result would dispose it.
                    string result = instruction.Owned ? "x" : "x.alias()";
                    writer.Line(auxiliary ? $"return ({result}, classLogits);" : $"return {result};");
                    break;
            }
        }
    }

    private static void Assign(SourceWriter writer, string expression, bool fresh)
    {
        if (fresh) writer.Wrapped($"x = Replace(x, {expression});");
        else writer.Wrapped($"x = {expression};");
    }

    /// <summary>Joins the label to the input where declared: x starts as an intermediate the forward owns.</summary>
    private static void JoinLabel(SourceWriter writer, ConditionSpec condition, string input)
    {
        switch (condition.Mode)
        {
            case Conditioning.Concatenate:
                writer.Line($"// The one-hot label joins the input (Mirza & Osindero 2014).");
                writer.Line($"using var label = {Conditions}.OneHot(labels, {Literals.Long(condition.Classes)});");
                writer.Line($"{Tensor} x = {Conditions}.Join({input}, label);");
                break;
            case Conditioning.Embedding:
                writer.Line($"// The label's learned {condition.Width}-wide embedding joins the input.");
                writer.Line("using var label = _LabelEmbedding.forward(labels);");
                writer.Line($"{Tensor} x = {Conditions}.Join({input}, label);");
                break;
            default:
                writer.Line($"{Tensor} x = {input};");
                break;
        }
    }

    private static void Head(SourceWriter writer, ConditionSpec condition)
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
