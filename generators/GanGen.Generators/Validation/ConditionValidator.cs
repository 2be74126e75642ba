using GanGen.Generators.Catalog;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Language;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// Validates how each network receives the class label of a conditional GAN: that the data has classes, that the
/// conditioning fits the network's role and shape, and that both sides see the label. Resolves the label's width.
/// </summary>
internal static class ConditionValidator
{
    public static ConditionSpec ForGenerator(NetworkDeclaration generator, Arguments arguments, GeneratorInput input, DataShape? data, ValidationContext context)
    {
        var mode = (Conditioning)arguments.Int("Condition");
        WarnIgnored(generator, arguments, mode, context);
        if (mode == Conditioning.None || !HasClasses(generator, arguments, data, context)) return ConditionSpec.None;
        var location = arguments.Declared("Condition")!.Value.Location;
        if (mode is Conditioning.Projection or Conditioning.Auxiliary)
            return Unsupported(generator, mode, location, "it conditions a discriminator; a generator takes Concatenate, Embedding or BatchNorm", context);
        if (input == GeneratorInput.Source)
            return Unsupported(generator, mode, location, "a refiner transforms a source sample and takes no label", context);
        if (mode == Conditioning.BatchNorm && !HasBatchNorm(generator))
        {
            context.Report(DiagnosticDescriptors.ConditionNeedsBatchNorm, location, generator.Name);
            return ConditionSpec.None;
        }
        return new ConditionSpec(mode, data!.Classes, Width(mode, arguments, data.Classes), EquatableArray<long>.Empty, 0);
    }

    public static ConditionSpec ForDiscriminator(NetworkDeclaration discriminator, Arguments arguments, DataShape? data, int pack, ValidationContext context)
    {
        var mode = (Conditioning)arguments.Int("Condition");
        WarnIgnored(discriminator, arguments, mode, context);
        if (mode != Conditioning.Auxiliary && arguments.Declared("ClassWeight") is { } weight)
            context.Report(DiagnosticDescriptors.IgnoredArgument, weight.Location, "ClassWeight", "without Condition = Conditioning.Auxiliary");
        if (mode == Conditioning.None || !HasClasses(discriminator, arguments, data, context)) return ConditionSpec.None;
        var location = arguments.Declared("Condition")!.Value.Location;
        if (mode == Conditioning.BatchNorm)
            return Unsupported(discriminator, mode, location, "conditional batch norm conditions a generator; a discriminator takes Concatenate, Embedding, Projection or Auxiliary", context);
        if (pack > 1)
            return Unsupported(discriminator, mode, location, "a packed discriminator (Pack > 1) judges samples of different labels at once; use Pack = 1", context);
        if (mode is Conditioning.Concatenate or Conditioning.Embedding && data!.Shape.Length is not (1 or 3))
            return Unsupported(discriminator, mode, location, $"a label is joined to flat [features] or [channels, height, width] samples, not {Shapes.Format(data.Shape)}", context);
        return new ConditionSpec(mode, data!.Classes, Width(mode, arguments, data.Classes), EquatableArray<long>.Empty, arguments["ClassWeight"]);
    }

    /// <summary>
    /// Projection and auxiliary heads read the input of the discriminator's last layer (its features φ(x)); they need
    /// one score per sample, and projection learns one embedding row of φ's size per class.
    /// </summary>
    public static NetworkSpec WithFeatures(NetworkDeclaration discriminator, Arguments arguments, NetworkSpec spec, ValidationContext context)
    {
        var condition = spec.Condition;
        if (condition.Mode is not (Conditioning.Projection or Conditioning.Auxiliary)) return spec;
        if ((DiscriminatorOutput)arguments.Int("Output") == DiscriminatorOutput.PatchMap)
        {
            Unsupported(discriminator, condition.Mode, arguments.Declared("Condition")!.Value.Location,
                "it adds to one score per sample, not to a map of patch scores; remove Output = PatchMap", context);
            return spec;
        }
        var features = spec.Layers[spec.Layers.Count - 1].InputShape;
        long width = condition.Mode == Conditioning.Projection ? Shapes.Product(Declared.ToArray(features)) : condition.Classes;
        return spec with { Condition = condition with { Features = features, Width = width } };
    }

    /// <summary>A label only one network sees teaches nothing: the generator ignores it, or cannot follow it.</summary>
    public static void CheckBothSides(NetworkDeclaration generator, Arguments generatorArguments, GeneratorInput input, NetworkDeclaration discriminator,
        Arguments discriminatorArguments, DataShape data, ValidationContext context)
    {
        var generatorMode = (Conditioning)generatorArguments.Int("Condition");
        var discriminatorMode = (Conditioning)discriminatorArguments.Int("Condition");
        if (generatorMode == Conditioning.None && discriminatorMode == Conditioning.None)
            context.Report(DiagnosticDescriptors.LabelsUnused, data.Declaration.Location, data.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture), generator.Name, discriminator.Name,
                input == GeneratorInput.Source ? "a refiner takes no label and a discriminator judging it by class would teach it nothing (GAN216), so remove Classes" : "condition both networks or remove Classes");
        else if (generatorMode == Conditioning.None)
            context.Report(DiagnosticDescriptors.OneSidedCondition, discriminatorArguments.Declared("Condition")!.Value.Location, discriminator.Name, generator.Name,
                input == GeneratorInput.Source
                    ? "a refiner takes no label, so it cannot produce the class it is judged against; remove Condition from the discriminator or Classes from [GanData]"
                    : "the generator cannot produce the class it is judged against; give it Condition = Conditioning.Embedding (or Concatenate, BatchNorm)");
        else if (discriminatorMode == Conditioning.None)
            context.Report(DiagnosticDescriptors.OneSidedCondition, generatorArguments.Declared("Condition")!.Value.Location, generator.Name, discriminator.Name,
                "nothing penalises a sample of the wrong class, so the generator learns to ignore its label; give the discriminator Condition = Conditioning.Projection (or Concatenate, Embedding, Auxiliary)");
    }

    /// <summary>Latent and Distribution mean nothing to a refiner, whose input is a source sample.</summary>
    public static void WarnIgnoredLatent(Arguments arguments, ValidationContext context)
    {
        foreach (string name in new[] { "Latent", "Distribution" })
        {
            if (arguments.Declared(name) is { } declared)
                context.Report(DiagnosticDescriptors.IgnoredArgument, declared.Location, name, "with Input = GeneratorInput.Source (a refiner draws no noise)");
        }
    }

    private static void WarnIgnored(NetworkDeclaration network, Arguments arguments, Conditioning mode, ValidationContext context)
    {
        if (mode != Conditioning.Embedding && arguments.Declared("Embedding") is { } embedding)
            context.Report(DiagnosticDescriptors.IgnoredArgument, embedding.Location, "Embedding", "without Condition = Conditioning.Embedding");
    }

    private static bool HasClasses(NetworkDeclaration network, Arguments arguments, DataShape? data, ValidationContext context)
    {
        if (data is null) return false;
        if (data.Classes > 0) return true;
        context.Report(DiagnosticDescriptors.ConditionWithoutClasses, arguments.Declared("Condition")!.Value.Location, network.Name, arguments.Member("Condition"));
        return false;
    }

    private static long Width(Conditioning mode, Arguments arguments, int classes) => mode switch
    {
        Conditioning.Concatenate => classes,
        Conditioning.Embedding => arguments.IsDeclared("Embedding") ? arguments.Long("Embedding") : classes,
        _ => 0,
    };

    private static bool HasBatchNorm(NetworkDeclaration network)
    {
        foreach (var (_, step) in Declared.Steps(network.Layers))
        {
            if (StepCatalog.TryGet(step.Attribute.AttributeName, out var kind) && kind.IsBatchNormalization) return true;
        }
        return false;
    }

    private static ConditionSpec Unsupported(NetworkDeclaration network, Conditioning mode, SourceSpan location, string reason, ValidationContext context)
    {
        context.Report(DiagnosticDescriptors.ConditionNotSupported, location, network.Name, mode.ToString(), reason);
        return ConditionSpec.None;
    }
}
