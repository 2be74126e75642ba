using System.Collections.Generic;
using System.Globalization;
using GanGen.Generators.Catalog;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Language;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// Validate stage: checks a parsed declaration (usage, values, shapes, GAN-specific rules), applies defaults and
/// infers every layer's shape. Produces a spec only when nothing is an error.
/// </summary>
internal static class GanValidator
{
    public static ValidationResult Validate(GanDeclaration declaration)
    {
        var context = new ValidationContext();

        if (!declaration.IsPartial)
            context.Report(DiagnosticDescriptors.NotPartial, declaration.Location, declaration.Name, "trainer");
        if (declaration.NonPartialContainer is { } container)
            context.Report(DiagnosticDescriptors.NotPartial, declaration.Location, container, "nested GAN " + declaration.Name);
        if (declaration.IsGeneric)
            context.Report(DiagnosticDescriptors.GenericNotSupported, declaration.Location, declaration.Name);
        if (declaration.ConflictingBaseType is { } ganBase)
            context.Report(DiagnosticDescriptors.ConflictingBaseType, declaration.Location, declaration.Name, ganBase, "GanTrainer<TGenerator, TDiscriminator>");

        var gan = Arguments.Resolve(Attributes.RulesOf(typeof(GanAttribute)), declaration.Gan.Arguments, "{0}", context);
        var loss = (GanLoss)gan.Int("Loss");
        var schedule = new ScheduleSpec(gan.IsDeclared("CriticSteps") ? gan.Int("CriticSteps") : Defaults.CriticSteps(loss), gan.Int("GeneratorSteps"),
            (TrainingOrder)gan.Int("Order"));
        int pack = gan.Int("Pack");

        var data = ValidateData(declaration, context);
        var (generator, discriminator) = Networks(declaration, context);

        var generatorArguments = generator is null ? null
            : Arguments.Resolve(Attributes.RulesOf(typeof(GanGeneratorAttribute)), generator.Marker.Arguments, "{0} of '" + generator.Name + "'", context);
        var discriminatorArguments = discriminator is null ? null
            : Arguments.Resolve(Attributes.RulesOf(typeof(GanDiscriminatorAttribute)), discriminator.Marker.Arguments, "{0} of '" + discriminator.Name + "'", context);
        var input = (GeneratorInput)(generatorArguments?.Int("Input") ?? 0);

        var regularizers = RegularizerValidator.Validate(declaration, loss, input, Conditioned(generatorArguments, discriminatorArguments),
            discriminator is not null && SpectralCoverage.AllNormalised(discriminator.Layers), data?.Shape, context);
        var optimizerDefaults = new OptimizerDefaults(loss, HasGradientPenalty(regularizers), LazyInterval(regularizers));

        NetworkSpec? generatorSpec = null, discriminatorSpec = null;
        var blocks = new BlockUses();
        // A refiner draws no noise: it has no latent size.
        int latentSize = input == GeneratorInput.Source ? 0 : generatorArguments?.Int("Latent") ?? 0;
        if (generator is not null)
        {
            var conditions = ConditionValidator.ForGenerator(generator, generatorArguments!, input, data, context);
            long[]? generatorInput = input == GeneratorInput.Source ? data?.Shape : Widened(new long[] { latentSize }, conditions);
            if (input == GeneratorInput.Source) ConditionValidator.WarnIgnoredLatent(generatorArguments!, context);
            generatorSpec = NetworkValidator.Validate(generator, generatorArguments!, generatorInput, GeneratorOrigin(input, latentSize, conditions, data),
                conditions, optimizerDefaults, blocks, context);
            if (generatorSpec is not null && data is not null && !Shapes.Equal(Declared.ToArray(generatorSpec.OutputShape), data.Shape))
                context.Report(DiagnosticDescriptors.GeneratorOutputMismatch, NetworkValidator.LastLayerLocation(generator), generator.Name,
                    Shapes.Format(generatorSpec.OutputShape), Shapes.Format(data.Shape));
        }
        if (discriminator is not null)
        {
            var conditions = ConditionValidator.ForDiscriminator(discriminator, discriminatorArguments!, data, pack, context);
            long[]? discriminatorInput = data is null ? null : Packed(Widened(data.Shape, conditions), pack);
            discriminatorSpec = NetworkValidator.Validate(discriminator, discriminatorArguments!, discriminatorInput, DiscriminatorOrigin(data, pack, conditions),
                conditions, optimizerDefaults, blocks, context);
            if (discriminatorSpec is not null)
            {
                NetworkValidator.CheckDiscriminatorOutput(discriminator, discriminatorArguments!, discriminatorSpec, context);
                discriminatorSpec = ConditionValidator.WithFeatures(discriminator, discriminatorArguments!, discriminatorSpec, context);
            }
        }
        if (generator is not null && discriminator is not null && data is { Classes: > 0 })
            ConditionValidator.CheckBothSides(generator, generatorArguments!, input, discriminator, discriminatorArguments!, data, context);

        GanRules.Check(declaration, gan, loss, regularizers, data?.Range ?? DataRange.Unbounded, generator, discriminator, optimizerDefaults, context);

        var diagnostics = context.Diagnostics;
        if (context.HasErrors || generatorSpec is null || discriminatorSpec is null || data is null)
            return new ValidationResult(null, Recovery.Plan(declaration, diagnostics), diagnostics);

        var spec = new GanSpec(
            declaration.Namespace, declaration.Containers, declaration.Name,
            new LossSpec(loss, gan["RealLabel"], regularizers.Exists(r => r.Kind == typeof(RelativisticAttribute).FullName)),
            new EquatableArray<RegularizerSpec>(regularizers.ToArray()), schedule,
            gan["GeneratorAverage"], pack, input, latentSize, (LatentDistribution)generatorArguments!.Int("Distribution"),
            new EquatableArray<long>(data.Shape), data.Range, data.Classes, generatorSpec, discriminatorSpec);
        return new ValidationResult(spec, null, diagnostics);
    }

    private static (NetworkDeclaration? Generator, NetworkDeclaration? Discriminator) Networks(GanDeclaration declaration, ValidationContext context)
    {
        NetworkDeclaration? generator = null, discriminator = null;
        foreach (var network in declaration.Networks)
        {
            ref NetworkDeclaration? slot = ref network.Role == NetworkRole.Generator ? ref generator : ref discriminator;
            if (slot is not null)
                context.Report(DiagnosticDescriptors.DuplicateNetwork, network.Location, declaration.Name, Declared.RoleName(network.Role), slot.Name);
            else slot = network;
        }
        if (generator is null) context.Report(DiagnosticDescriptors.MissingGenerator, declaration.Location, declaration.Name);
        if (discriminator is null) context.Report(DiagnosticDescriptors.MissingDiscriminator, declaration.Location, declaration.Name);
        return (generator, discriminator);
    }

    private static bool Conditioned(Arguments? generator, Arguments? discriminator) =>
        (generator?.Int("Condition") ?? 0) != 0 || (discriminator?.Int("Condition") ?? 0) != 0;

    /// <summary>The interval of the discriminator's lazy R1 or R2 (the first declared), or 1.</summary>
    private static int LazyInterval(List<RegularizerSpec> regularizers)
    {
        foreach (var regularizer in regularizers)
        {
            if (regularizer.Kind == typeof(R1Attribute).FullName || regularizer.Kind == typeof(R2Attribute).FullName) return (int)regularizer["Every"];
        }
        return 1;
    }

    private static bool HasGradientPenalty(List<RegularizerSpec> regularizers)
    {
        foreach (var regularizer in regularizers)
        {
            if (regularizer.Kind == typeof(GradientPenaltyAttribute).FullName) return true;
        }
        return false;
    }

    private static InputOrigin GeneratorOrigin(GeneratorInput input, int latentSize, ConditionSpec conditions, DataShape? data)
    {
        if (input == GeneratorInput.Source)
            return new InputOrigin($"a source sample {Shapes.Format(data?.Shape ?? new long[0])} (Input = GeneratorInput.Source)", "a refiner takes the [GanData] shape, not {0} values");
        string latent = $"the latent vector (Latent = {latentSize})";
        return conditions.Width == 0
            ? new InputOrigin(latent, "set Latent = {0} on [GanGenerator]")
            : new InputOrigin($"{latent} joined with the {conditions.Width}-wide label", $"set Latent so that Latent + {conditions.Width} = {{0}}");
    }

    private static InputOrigin DiscriminatorOrigin(DataShape? data, int pack, ConditionSpec conditions)
    {
        string sample = $"a sample {Shapes.Format(data?.Shape ?? new long[0])}";
        // [GanData(64, 1, 28, 28)] is the classic slip: the shape of a batch instead of a sample.
        if (data is { Shape.Length: 4 }) sample += $" — [GanData] is one sample without the batch dimension: did you mean [GanData({data.Shape[1]}, {data.Shape[2]}, {data.Shape[3]})]?";
        if (conditions.Width > 0) sample += $" joined with the {conditions.Width}-wide label";
        return pack > 1
            ? new InputOrigin($"{sample} packed {pack} at a time (Pack = {pack})", "{0} values would need another Pack or [GanData] shape")
            : new InputOrigin(sample + " ([GanData])", "{0} values would need another [GanData] shape");
    }

    /// <summary>The input widened by a label joined to it: features for flat inputs, channels for images.</summary>
    private static long[] Widened(long[] shape, ConditionSpec conditions)
    {
        if (conditions.Mode is not (Conditioning.Concatenate or Conditioning.Embedding)) return shape;
        var widened = (long[])shape.Clone();
        widened[0] += conditions.Width;
        return widened;
    }

    /// <summary>What the discriminator sees with packing: <paramref name="pack"/> samples joined along the first dimension.</summary>
    private static long[] Packed(long[] shape, int pack)
    {
        var packed = (long[])shape.Clone();
        packed[0] *= pack;
        return packed;
    }

    private static DataShape? ValidateData(GanDeclaration declaration, ValidationContext context)
    {
        if (declaration.Data is not { } data)
        {
            context.Report(DiagnosticDescriptors.MissingData, declaration.Gan.Location, declaration.Name);
            return null;
        }
        var arguments = Arguments.Resolve(Attributes.RulesOf(typeof(GanDataAttribute)), data.Attribute.Arguments, "[GanData] {0}", context);
        if (data.Shape.Count == 0)
        {
            context.Report(DiagnosticDescriptors.InvalidArgument, data.Attribute.Location, "The [GanData] shape", "empty", "at least one dimension, e.g. [GanData(2)]");
            return null;
        }
        var shape = new long[data.Shape.Count];
        for (int i = 0; i < shape.Length; i++)
        {
            if (data.Shape[i] < 1)
            {
                context.Report(DiagnosticDescriptors.InvalidArgument, data.Attribute.Location, "[GanData] dimension " + i,
                    data.Shape[i].ToString(CultureInfo.InvariantCulture), "≥ 1");
                return null;
            }
            shape[i] = data.Shape[i];
        }
        return new DataShape(shape, (DataRange)arguments.Int("Range"), arguments.Int("Classes"), data.Attribute);
    }
}

/// <summary>The validated [GanData]: sample shape, value range, number of classes, and where it was written.</summary>
internal sealed record DataShape(long[] Shape, DataRange Range, int Classes, AttributeDeclaration Declaration);
