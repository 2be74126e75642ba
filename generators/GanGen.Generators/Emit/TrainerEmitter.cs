using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Emits the trainer's overrides: how the networks are called (with labels or sources where declared), the declared
/// loss plus each regulariser's term as straight-line code, and the regularisers' hooks after an update.
/// </summary>
internal static class TrainerEmitter
{
    private const string Tensor = KnownNames.Tensor;
    private const string Batch = "global::GanGen.Runtime.Training.GanBatch";

    public static void Emit(SourceWriter writer, GanSpec gan)
    {
        var condition = gan.Discriminator.Condition;
        string generatorLabels = gan.Generator.Condition.TakesLabels ? ", labels!" : string.Empty;
        writer.Line("/// <inheritdoc />");
        writer.Line($"protected override {Tensor} GeneratorForward({Tensor} input, {Tensor}? labels) =>");
        writer.Line($"    base.Generator.forward(input{generatorLabels});");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        if (condition.Mode == Conditioning.Auxiliary)
        {
            writer.Open($"protected override {Tensor} ScoreWithDiscriminator({Tensor} samples, {Tensor}? labels)");
            writer.Line("var (scores, classLogits) = base.Discriminator.forward(samples);");
            writer.Line("classLogits.Dispose();");
            writer.Line("return scores;");
            writer.Close();
        }
        else
        {
            writer.Line($"protected override {Tensor} ScoreWithDiscriminator({Tensor} samples, {Tensor}? labels) =>");
            writer.Line($"    base.Discriminator.forward(samples{Labels(condition, "labels")});");
        }
        writer.Line();
        EmitDiscriminatorLoss(writer, gan);
        writer.Line();
        EmitGeneratorLoss(writer, gan);
        EmitHooks(writer, gan);
    }

    private static void EmitDiscriminatorLoss(SourceWriter writer, GanSpec gan)
    {
        var discriminator = gan.Discriminator;
        var condition = discriminator.Condition;
        writer.Line("/// <inheritdoc />");
        writer.Open($"protected override {Tensor} DiscriminatorLoss({Batch} real, {Tensor} fake, out {Tensor} realScores, out {Tensor} fakeScores)");
        if (condition.Mode == Conditioning.Auxiliary)
        {
            writer.Line("(realScores, var realClassLogits) = base.Discriminator.forward(real.Data);");
            writer.Line("(fakeScores, var fakeClassLogits) = base.Discriminator.forward(fake);");
        }
        else if (discriminator.SamplesIndependent && condition.IsNone)
        {
            writer.Line($"// {discriminator.Name} has no batch-statistics layer, so real and fake samples share one forward pass.");
            writer.Line("base.ScoreInOnePass(real.Data, fake, out realScores, out fakeScores);");
        }
        else
        {
            writer.Line(discriminator.SamplesIndependent
                ? $"// Separate passes: the label travels with each batch."
                : $"// Separate passes: {discriminator.Name}'s batch statistics must see real and fake batches apart.");
            writer.Line($"realScores = base.Discriminator.forward(real.Data{Labels(condition, "real.Labels")});");
            writer.Line($"fakeScores = base.Discriminator.forward(fake{Labels(condition, "real.Labels")});");
        }

        var terms = new List<string>();
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).DiscriminatorTerm(regularizer) is { } term) terms.Add(term);
        }
        if (condition.Mode == Conditioning.Auxiliary) terms.Add("_classes.Discriminator(realClassLogits, fakeClassLogits, real.Labels!)");
        WriteSum(writer, "_loss.Discriminator(realScores, fakeScores)", terms,
            condition.Mode == Conditioning.Auxiliary ? new[] { "realClassLogits.Dispose();", "fakeClassLogits.Dispose();" } : new string[0]);
        writer.Close();
    }

    private static void EmitGeneratorLoss(SourceWriter writer, GanSpec gan)
    {
        var condition = gan.Discriminator.Condition;
        writer.Line("/// <inheritdoc />");
        writer.Open($"protected override {Tensor} GeneratorLoss({Batch} real, {Tensor} fake)");
        var terms = new List<string>();
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).GeneratorTerm(regularizer) is { } term) terms.Add(term);
        }
        if (condition.Mode == Conditioning.Auxiliary)
        {
            terms.Add("_classes.Generator(fakeClassLogits, real.Labels!)");
            writer.Line("var (fakeScores, fakeClassLogits) = base.Discriminator.forward(fake);");
            WriteSum(writer, "_loss.Generator(fakeScores)", terms, new[] { "fakeScores.Dispose();", "fakeClassLogits.Dispose();" });
        }
        else
        {
            writer.Line($"using var fakeScores = base.Discriminator.forward(fake{Labels(condition, "real.Labels")});");
            WriteSum(writer, "_loss.Generator(fakeScores)", terms, new string[0]);
        }
        writer.Close();
    }

    /// <summary>Returns the loss plus its terms; <paramref name="cleanup"/> runs once the terms are computed.</summary>
    private static void WriteSum(SourceWriter writer, string loss, List<string> terms, string[] cleanup)
    {
        if (terms.Count == 0 && cleanup.Length == 0)
        {
            writer.Line($"return {loss};");
            return;
        }
        writer.Line($"var loss = {loss};");
        foreach (var term in terms) writer.Wrapped($"loss = AddTerm(loss, {term});");
        foreach (var statement in cleanup) writer.Line(statement);
        writer.Line("return loss;");
    }

    private static void EmitHooks(SourceWriter writer, GanSpec gan)
    {
        var after = new List<string>();
        var fakes = new List<string>();
        var stateful = new List<string>();
        foreach (var regularizer in gan.Regularizers)
        {
            var kind = RegularizerCatalog.Get(regularizer.Kind);
            if (kind.AfterDiscriminatorUpdate(regularizer) is { } statement) after.Add(statement);
            if (kind.DiscriminatorFakes(regularizer) is { } expression) fakes.Add(expression);
            if (kind.HasState) stateful.Add(kind.Field);
        }
        if (after.Count > 0)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Open("protected override void AfterDiscriminatorUpdate()");
            foreach (var statement in after) writer.Line(statement);
            writer.Close();
        }
        if (fakes.Count > 0)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"protected override {Tensor}? DiscriminatorFakes({Tensor} fake) => {fakes[0]};");
        }
        if (stateful.Count > 0)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("protected override global::System.Collections.Generic.IEnumerable<global::GanGen.Runtime.Regularization.IStatefulRegularizer> StatefulRegularizers =>");
            writer.Line($"    new global::GanGen.Runtime.Regularization.IStatefulRegularizer[] {{ {string.Join(", ", stateful)} }};");
        }
    }

    private static string Labels(ConditionSpec condition, string labels) => condition.TakesLabels ? $", {labels}!" : string.Empty;
}
