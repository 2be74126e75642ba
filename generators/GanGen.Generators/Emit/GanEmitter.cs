using System.Collections.Generic;
using System.Text;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>
/// Emits one file per GAN: the trainer partial (the resolved declaration, the loss and regularisers it uses, the
/// networks' calls and the declared loss as straight-line code) and both networks nested in it.
/// </summary>
internal static class GanEmitter
{
    public static string HintName(GanSpec gan) => HintName(gan.Namespace, gan.Containers, gan.Name);

    /// <summary>Namespace.Containers.Name.g.cs: one file per GAN, whether generated in full or recovered.</summary>
    public static string HintName(string? ns, EquatableArray<ContainingType> containers, string name)
    {
        var hint = new StringBuilder();
        if (ns is not null) hint.Append(ns).Append('.');
        foreach (var container in containers) hint.Append(container.Name).Append('.');
        hint.Append(name).Append(".g.cs");
        return hint.ToString();
    }

    public static string Emit(GanSpec gan)
    {
        var writer = new SourceWriter();
        writer.Line(Generated.Header.TrimEnd('\n'));
        if (gan.Namespace is not null) writer.Open($"namespace {gan.Namespace}");
        foreach (var container in gan.Containers) writer.Open($"partial {container.Keyword} {container.Name}");

        string generator = gan.Generator.Name, discriminator = gan.Discriminator.Name;
        writer.Line("/// <summary>");
        foreach (var line in Description(gan)) writer.Line("/// " + line);
        writer.Line("/// </summary>");
        writer.Line(Generated.Attribute);
        writer.Open($"partial class {gan.Name} : {KnownNames.TrainerBase}<{gan.Name}.{generator}, {gan.Name}.{discriminator}>");

        DeclarationEmitter.Emit(writer, gan);
        writer.Line();
        var lossOptions = new List<string>();
        foreach (var regularizer in gan.Regularizers)
        {
            if (RegularizerCatalog.Get(regularizer.Kind).LossOption(regularizer) is { } option) lossOptions.Add(option);
        }
        string initializer = lossOptions.Count == 0 ? string.Empty : " { " + string.Join(", ", lossOptions) + " }";
        writer.Wrapped($"private readonly {LossCatalog.RuntimeType(gan.Loss)} _loss = new({LossCatalog.ConstructorArguments(gan.Loss)}){initializer};");
        if (gan.Discriminator.Condition.Mode == Conditioning.Auxiliary)
            writer.Line($"private readonly global::GanGen.Runtime.Regularization.ClassificationLoss _classes = new(weight: {Literals.Double(gan.Discriminator.Condition.ClassWeight)});");
        foreach (var regularizer in gan.Regularizers)
        {
            var kind = RegularizerCatalog.Get(regularizer.Kind);
            if (kind.RuntimeType is { } type) writer.Wrapped($"private readonly {type} {kind.Field} = new({kind.ConstructorArguments(regularizer)});");
        }
        if (FeatureMatching.Of(gan.Discriminator) is { } matching)
            writer.Line($"private readonly global::GanGen.Runtime.Regularization.FeatureMatching _featureMatching = new(weight: {Literals.Double(matching.Weight)});");
        writer.Line();
        EmitConstructor(writer, gan);
        writer.Line();
        TrainerEmitter.Emit(writer, gan);
        InteropEmitter.Emit(writer, gan);
        writer.Line();
        writer.Line("/// <summary>Both networks' layer tables, as inferred at compile time.</summary>");
        writer.Line($"public static string Summary() => {generator}.Summary() + \"\\n\" + {discriminator}.Summary();");
        writer.Line();
        EmitDispose(writer, gan);
        writer.Line();
        NetworkEmitter.Emit(writer, gan.Generator, gan);
        writer.Line();
        NetworkEmitter.Emit(writer, gan.Discriminator, gan);
        writer.Close();

        foreach (var _ in gan.Containers) writer.Close();
        if (gan.Namespace is not null) writer.Close();
        return writer.ToString();
    }

    private static IEnumerable<string> Description(GanSpec gan)
    {
        string first = gan.Schedule.Order == TrainingOrder.DiscriminatorFirst ? "discriminator" : "generator";
        string generatorUpdates = gan.Schedule.GeneratorSteps == 1 ? "per generator update" : $"per {gan.Schedule.GeneratorSteps} generator updates";
        yield return $"GAN trainer: {LossCatalog.Describe(gan.Loss)} loss, {gan.Schedule.CriticSteps} discriminator update(s) {generatorUpdates}, {first} first.";
        yield return gan.Input == GeneratorInput.Source
            ? $"A refiner: samples of shape {Literals.Shape(gan.DataShape)} refined from source samples of the same shape."
            : $"Samples of shape {Literals.Shape(gan.DataShape)} from a latent of {gan.LatentSize} ({gan.Latent})" +
              (gan.Classes > 0 ? $", conditioned on {gan.Classes} classes." : ".");
        foreach (var regularizer in gan.Regularizers) yield return "Regulariser: " + RegularizerCatalog.Get(regularizer.Kind).Describe(regularizer) + ".";
    }

    private static void EmitConstructor(SourceWriter writer, GanSpec gan)
    {
        int fixedCount = gan.Classes > 0 ? gan.Classes * 8 : 64;
        string sampleNoun = gan.Input == GeneratorInput.Source ? "fixed source batch" : gan.Classes > 0 ? "fixed noise batch (8 per class, one row each)" : "fixed noise batch";
        writer.Line("/// <summary>Builds both networks on <paramref name=\"device\"/> (CPU when null), seeded with <paramref name=\"seed\"/>.</summary>");
        writer.Line("/// <param name=\"device\">Where to train; any TorchSharp backend the application references.</param>");
        writer.Line("/// <param name=\"seed\">Seed for initialisation, noise and dropout.</param>");
        writer.Line($"/// <param name=\"fixedNoiseCount\">Size of the {sampleNoun} behind <c>SampleFixed()</c>.</param>");
        writer.Line($"public {gan.Name}(global::TorchSharp.torch.Device? device = null, long seed = 0, int fixedNoiseCount = {Literals.Int(fixedCount)})");
        writer.Line($"    : base(Declaration, static () => new {gan.Generator.Name}(), static () => new {gan.Discriminator.Name}(), device, seed, fixedNoiseCount)");
        writer.Line("{");
        writer.Line("}");
    }

    private static void EmitDispose(SourceWriter writer, GanSpec gan)
    {
        writer.Line("/// <inheritdoc />");
        writer.Open("protected override void Dispose(bool disposing)");
        writer.Line("base.Dispose(disposing);");
        writer.Open("if (disposing)");
        writer.Line("_loss.Dispose();");
        if (gan.Discriminator.Condition.Mode == Conditioning.Auxiliary) writer.Line("_classes.Dispose();");
        foreach (var regularizer in gan.Regularizers)
        {
            var kind = RegularizerCatalog.Get(regularizer.Kind);
            if (kind.RuntimeIsDisposable) writer.Line($"{kind.Field}.Dispose();");
        }
        if (FeatureMatching.Of(gan.Discriminator) is not null) writer.Line("_featureMatching.Dispose();");
        writer.Close();
        writer.Close();
    }
}
