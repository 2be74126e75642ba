using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Writes the twin's trainer hooks, statement for statement as <see cref="TrainerEmitter"/> writes GanGen's: how the
/// networks are called, the declared loss plus each regulariser's term (and AC-GAN's class loss) in the same order,
/// and the regularisers' hooks. <c>nets</c> holds the (possibly DistributedDataParallel-wrapped) networks and the
/// Gan module; <c>draws</c> supplies random numbers.
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
        body.Add($"loss = {LossCatalog.PythonDiscriminator(gan.Loss)}");
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).PythonDiscriminatorTerm(regularizer) is { } term) body.Add($"loss = loss + {term}");
        }
        if (auxiliary)
            body.Add($"loss = loss + (F.cross_entropy(real_class_logits, labels) + F.cross_entropy(fake_class_logits, labels)) * {PythonNames.Float(condition.ClassWeight)}");
        body.Add("return loss, real_scores, fake_scores");
        Function(writer, "discriminator_loss(nets, real, fake, labels, sources, draws)",
            "The declared discriminator loss and its regularisers on a real and a (detached) fake batch; returns it and the raw scores.", body.ToArray());

        body.Clear();
        body.Add(auxiliary ? "fake_scores, fake_class_logits = nets.discriminator(fake)" : $"fake_scores = nets.discriminator(fake{Labels(condition)})");
        body.Add($"loss = {LossCatalog.PythonGenerator(gan.Loss)}");
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).PythonGeneratorTerm(regularizer) is { } term) body.Add($"loss = loss + {term}");
        }
        if (auxiliary) body.Add($"loss = loss + F.cross_entropy(fake_class_logits, labels) * {PythonNames.Float(condition.ClassWeight)}");
        body.Add("return loss");
        Function(writer, "generator_loss(nets, real, fake, labels, sources, draws)",
            "The declared generator loss and its regularisers for a fake batch that still carries the generator's graph.", body.ToArray());

        body.Clear();
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).PythonDiscriminatorFakes(regularizer) is { } fakes) body.Add("return " + fakes);
        }
        if (body.Count == 0) body.Add("return None");
        Function(writer, "discriminator_fakes(nets, fake, draws)", "The fake batch the discriminator trains on instead of fake, or None.", body[0]);

        body.Clear();
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).PythonAfterDiscriminatorUpdate(regularizer) is { } statement) body.Add(statement);
        }
        if (body.Count == 0) body.Add("pass");
        Function(writer, "after_discriminator_update(nets)", "Runs after each discriminator update.", body.ToArray());
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

    private static string Labels(ConditionSpec condition) => condition.TakesLabels ? ", labels" : string.Empty;
}
