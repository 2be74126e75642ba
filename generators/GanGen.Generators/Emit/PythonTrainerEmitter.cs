using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Writes the twin's trainer hooks, statement for statement as <see cref="TrainerEmitter"/> writes GanGen's: how the
/// networks are called, the declared loss plus each regulariser's term (and AC-GAN's class loss, then feature
/// matching) in the same order, the regularisers' hooks around each update, and the spectral-norm passes.
/// <c>nets</c> holds the (possibly DistributedDataParallel-wrapped) networks and the Gan module; <c>draws</c> supplies
/// random numbers; <c>step</c> is the trainer's step count (GanGen's StepCount).
/// </summary>
internal static class PythonTrainerEmitter
{
    public static void Emit(PythonWriter writer, GanSpec gan)
    {
        var condition = gan.Discriminator.Condition;
        bool auxiliary = condition.Mode == Conditioning.Auxiliary;
        Function(writer, "generate(nets, inputs, labels)", "The generator on noise (a refiner: on sources), with the labels when it is conditional.",
            $"return nets.generator(inputs{(gan.Generator.Condition.TakesLabels ? ", labels" : string.Empty)})");
        Function(writer, "score(nets, samples, labels)", "The discriminator's raw scores, with the labels when it is conditional.",
            auxiliary ? "return nets.discriminator(samples)[0]" : $"return nets.discriminator(samples{Labels(condition)})");
        EmitDiscriminatorLoss(writer, gan);
        EmitGeneratorLoss(writer, gan);

        var hooks = new Dictionary<string, List<string>>();
        string? fakes = null;
        var inputs = new List<string>();
        foreach (var regularizer in gan.Regularizers)
        {
            var kind = RegularizerCatalog.Get(regularizer.Kind);
            Add(hooks, "before_discriminator_step", kind.PythonBeforeDiscriminatorStep(regularizer));
            Add(hooks, "before_generator_step", kind.PythonBeforeGeneratorStep(regularizer));
            Add(hooks, "after_discriminator_update", kind.PythonAfterDiscriminatorUpdate(regularizer));
            // As in TrainerEmitter, the last declared replacement of the fake batch wins; inputs compose in order.
            fakes = kind.PythonDiscriminatorFakes(regularizer) ?? fakes;
            if (kind.PythonDiscriminatorInput(regularizer) is { } input) inputs.Add(input);
        }
        // Only the hooks this declaration uses: the twin's Trainer does nothing for those left out.
        if (fakes is not null)
            Function(writer, "discriminator_fakes(nets, fake, draws)", "The fake batch the discriminator trains on instead of fake, or None.", "return " + fakes);
        if (inputs.Count == 1)
            Function(writer, "discriminator_input(nets, samples, step, draws)", "What the discriminator sees instead of samples (owned by the caller), or None.", "return " + inputs[0]);
        else if (inputs.Count > 1)
            Function(writer, "discriminator_input(nets, samples, step, draws)", "What the discriminator sees instead of samples: each replacement in declaration order, or None.",
                [.. ComposedInputs(inputs)]);
        Hook(writer, hooks, "before_discriminator_step", "Runs after the discriminator's backward, before its optimizer step.");
        Hook(writer, hooks, "before_generator_step", "Runs after the generator's backward, before its optimizer step.");
        Hook(writer, hooks, "after_discriminator_update", "Runs after each discriminator update.");
        foreach (var (network, role) in new[] { (gan.Discriminator, "discriminator"), (gan.Generator, "generator") })
        {
            if (!NetworkPlan.Of(network).HasSpectralNorm) continue;
            Function(writer, $"begin_{role}_pass(nets)", $"Starts an update of, or through, the {role}: its spectral norms share one power iteration until the end.",
                $"nets.gan.{role}.begin_spectral_pass()");
            Function(writer, $"end_{role}_pass(nets)", $"Ends a {role} pass: its weights may change now.", $"nets.gan.{role}.end_spectral_pass()");
        }
    }

    private static void EmitDiscriminatorLoss(PythonWriter writer, GanSpec gan)
    {
        var condition = gan.Discriminator.Condition;
        bool auxiliary = condition.Mode == Conditioning.Auxiliary;
        var body = new List<string>();
        if (auxiliary)
        {
            body.Add("real_scores, real_class_logits = nets.discriminator(real)");
            body.Add("fake_scores, fake_class_logits = nets.discriminator(fake)");
        }
        else if (gan.Discriminator.SamplesIndependent && condition.IsNone)
        {
            body.Add("real_scores, fake_scores = rt.score_in_one_pass(nets.discriminator, real, fake)");
        }
        else
        {
            body.Add($"real_scores = nets.discriminator(real{Labels(condition)})");
            body.Add($"fake_scores = nets.discriminator(fake{Labels(condition)})");
        }
        string? flip = null;
        foreach (var regularizer in gan.Regularizers) flip = RegularizerCatalog.Get(regularizer.Kind).PythonLossOption(regularizer) ?? flip;
        body.Add($"loss = {LossCatalog.PythonDiscriminator(gan.Loss, flip)}");
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).PythonDiscriminatorTerm(regularizer) is { } term) body.Add($"loss = rt.add_term(loss, {term})");
        }
        if (auxiliary)
            body.Add($"loss = loss + (F.cross_entropy(real_class_logits, labels) + F.cross_entropy(fake_class_logits, labels)) * {PythonNames.Float(condition.ClassWeight)}");
        body.Add("return loss, real_scores, fake_scores");
        Function(writer, "discriminator_loss(nets, real, fake, labels, sources, draws, step)",
            "The declared discriminator loss and its regularisers on a real and a (detached) fake batch; returns it and the raw scores.", body.ToArray());
    }

    private static void EmitGeneratorLoss(PythonWriter writer, GanSpec gan)
    {
        var condition = gan.Discriminator.Condition;
        bool auxiliary = condition.Mode == Conditioning.Auxiliary;
        var matching = FeatureMatching.Of(gan.Discriminator);
        var body = new List<string>
        {
            auxiliary ? "fake_scores, fake_class_logits = nets.discriminator(fake)" : $"fake_scores = nets.discriminator(fake{Labels(condition)})",
        };
        // The same forward passes in the same order as GanGen's GeneratorLoss: batch statistics and the pass's shared
        // spectral-norm weights see them alike.
        if (gan.Loss.Relativistic)
        {
            body.Add("with torch.no_grad():");
            body.Add("    real_scores = score(nets, real, labels)");
        }
        if (matching is not null)
        {
            body.Add("with torch.no_grad():");
            body.Add($"    real_features = nets.gan.discriminator.features(real{Labels(condition)})");
            body.Add($"fake_features = nets.gan.discriminator.features(fake{Labels(condition)})");
        }
        body.Add($"loss = {LossCatalog.PythonGenerator(gan.Loss)}");
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).PythonGeneratorTerm(regularizer) is { } term) body.Add($"loss = rt.add_term(loss, {term})");
        }
        if (auxiliary) body.Add($"loss = loss + F.cross_entropy(fake_class_logits, labels) * {PythonNames.Float(condition.ClassWeight)}");
        if (matching is not null) body.Add($"loss = loss + rt.feature_matching(real_features, fake_features, {PythonNames.Float(matching.Weight)})");
        body.Add("return loss");
        Function(writer, "generator_loss(nets, real, fake, labels, sources, draws, step)",
            "The declared generator loss and its regularisers for a fake batch that still carries the generator's graph.", body.ToArray());
    }

    private static void Add(Dictionary<string, List<string>> hooks, string hook, string? statement)
    {
        if (statement is null) return;
        if (!hooks.TryGetValue(hook, out var statements)) hooks[hook] = statements = new List<string>();
        statements.Add(statement);
    }

    private static void Hook(PythonWriter writer, Dictionary<string, List<string>> hooks, string hook, string summary)
    {
        if (hooks.TryGetValue(hook, out var statements)) Function(writer, hook + "(nets)", summary, statements.ToArray());
    }

    private static void Function(PythonWriter writer, string signature, string summary, params string[] body)
    {
        writer.Line();
        writer.Line();
        writer.Open($"def {signature}:");
        writer.Line($"\"\"\"{summary}\"\"\"");
        foreach (string line in body) writer.Line(line);
        writer.Close();
    }

    private static IEnumerable<string> ComposedInputs(List<string> inputs)
    {
        yield return "seen = None";
        foreach (string input in inputs)
        {
            yield return "replaced = " + input;
            yield return "if replaced is not None:";
            yield return "    seen = samples = replaced";
        }
        yield return "return seen";
    }

    private static string Labels(ConditionSpec condition) => condition.TakesLabels ? ", labels" : string.Empty;
}
