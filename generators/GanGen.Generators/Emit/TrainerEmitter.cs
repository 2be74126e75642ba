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
        var matching = FeatureMatching.Of(gan.Discriminator);
        writer.Line("/// <inheritdoc />");
        writer.Open($"protected override {Tensor} GeneratorLoss({Batch} real, {Tensor} fake)");
        var terms = new List<string>();
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).GeneratorTerm(regularizer) is { } term) terms.Add(term);
        }
        var cleanup = new List<string>();
        if (condition.Mode == Conditioning.Auxiliary)
        {
            terms.Add("_classes.Generator(fakeClassLogits, real.Labels!)");
            writer.Line("var (fakeScores, fakeClassLogits) = base.Discriminator.forward(fake);");
            cleanup.Add("fakeScores.Dispose();");
            cleanup.Add("fakeClassLogits.Dispose();");
        }
        else
        {
            writer.Line($"using var fakeScores = base.Discriminator.forward(fake{Labels(condition, "real.Labels")});");
        }
        string loss = "_loss.Generator(fakeScores)";
        if (gan.Loss.Relativistic)
        {
            // The relativistic generator loss compares its samples with the average real one; D's own gradient is not needed here.
            writer.Line("using var realScores = base.ScoreWithoutGradient(real.Data, real.Labels);");
            loss = "_loss.Generator(fakeScores, realScores)";
        }
        if (matching is not null)
        {
            writer.Line($"using var realFeatures = FeaturesWithoutGradient(real);");
            writer.Line($"using var fakeFeatures = base.Discriminator.Features(fake{Labels(condition, "real.Labels")});");
            terms.Add("_featureMatching.Compute(realFeatures, fakeFeatures)");
        }
        WriteSum(writer, loss, terms, cleanup.ToArray());
        writer.Close();
        if (matching is null) return;
        writer.Line();
        writer.Line("/// <summary>The real batch's discriminator features, without a graph: the target the generator's features are matched to.</summary>");
        writer.Open($"private {Tensor} FeaturesWithoutGradient({Batch} real)");
        writer.Line("using var _ = global::TorchSharp.torch.no_grad();");
        writer.Line($"return base.Discriminator.Features(real.Data{Labels(condition, "real.Labels")});");
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
        var hooks = new Hooks();
        foreach (var regularizer in gan.Regularizers)
        {
            var kind = RegularizerCatalog.Get(regularizer.Kind);
            hooks.Add("AfterDiscriminatorUpdate", kind.AfterDiscriminatorUpdate(regularizer));
            hooks.Add("BeforeDiscriminatorStep", kind.BeforeDiscriminatorStep(regularizer));
            hooks.Add("BeforeGeneratorStep", kind.BeforeGeneratorStep(regularizer));
            if (kind.DiscriminatorFakes(regularizer) is { } fakes) hooks.Fakes = fakes;
            if (kind.DiscriminatorInput(regularizer) is { } input) hooks.Inputs.Add(input);
            if (kind.HasState) hooks.Stateful.Add(kind.Field);
        }
        foreach (var (name, statements) in hooks.Statements)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Open($"protected override void {name}()");
            foreach (var statement in statements) writer.Line(statement);
            writer.Close();
        }
        EmitSpectralPasses(writer, gan.Discriminator, "Discriminator");
        EmitSpectralPasses(writer, gan.Generator, "Generator");
        if (hooks.Fakes is not null)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"protected override {Tensor}? DiscriminatorFakes({Tensor} fake) => {hooks.Fakes};");
        }
        EmitDiscriminatorInput(writer, hooks.Inputs);
        if (hooks.Stateful.Count > 0)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("protected override global::System.Collections.Generic.IEnumerable<global::GanGen.Runtime.Regularization.IStatefulRegularizer> StatefulRegularizers =>");
            writer.Line($"    new global::GanGen.Runtime.Regularization.IStatefulRegularizer[] {{ {string.Join(", ", hooks.Stateful)} }};");
        }
    }

    /// <summary>Opens and closes the network's spectral-norm passes with the trainer's passes, when it normalises any layer.</summary>
    private static void EmitSpectralPasses(SourceWriter writer, NetworkSpec network, string role)
    {
        if (!NetworkPlan.Of(network).HasSpectralNorm) return;
        foreach (string phase in new[] { "Begin", "End" })
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"protected override void {phase}{role}Pass() => base.{role}.{phase}SpectralPass();");
        }
    }

    /// <summary>The trainer hooks (GanTrainer's virtual methods, by name) the declaration's regularisers fill, in declaration order.</summary>
    // One replacement is an expression; several compose in declaration order, each seeing what the one before gave.
    private static void EmitDiscriminatorInput(SourceWriter writer, List<string> inputs)
    {
        if (inputs.Count == 0) return;
        writer.Line();
        writer.Line("/// <inheritdoc />");
        if (inputs.Count == 1)
        {
            writer.Line($"protected override {Tensor}? DiscriminatorInput({Tensor} samples) => {inputs[0]};");
            return;
        }
        writer.Open($"protected override {Tensor}? DiscriminatorInput({Tensor} samples)");
        writer.Line($"{Tensor}? seen = null, next;");
        foreach (string input in inputs)
        {
            writer.Line($"next = {input};");
            writer.Line("if (next is not null) { seen?.Dispose(); seen = samples = next; }");
        }
        writer.Line("return seen;");
        writer.Close();
    }

    private sealed class Hooks
    {
        public readonly List<(string Name, List<string> Statements)> Statements = new();
        public readonly List<string> Stateful = new();
        public string? Fakes;
        public readonly List<string> Inputs = new();

        public void Add(string hook, string? statement)
        {
            if (statement is null) return;
            var entry = Statements.Find(e => e.Name == hook);
            if (entry.Statements is null) Statements.Add((hook, new List<string> { statement }));
            else entry.Statements.Add(statement);
        }
    }

    private static string Labels(ConditionSpec condition, string labels) => condition.TakesLabels ? $", {labels}!" : string.Empty;
}
