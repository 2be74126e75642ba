using System.Collections.Generic;
using System.Globalization;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;
using static GanGen.Generators.Validation.Declared;

namespace GanGen.Generators.Validation;

/// <summary>
/// Validate stage: checks a parsed declaration (usage, values, shapes, GAN-specific rules), applies defaults and
/// infers every layer's shape. Produces a spec only when nothing is an error.
/// </summary>
internal static class GanValidator
{
    public static ValidationResult Validate(GanDeclaration declaration)
    {
        var diagnostics = new List<DiagnosticInfo>(declaration.Diagnostics);
        var context = new ValidationContext(diagnostics);

        if (!declaration.IsPartial)
            context.Report(DiagnosticDescriptors.NotPartial, declaration.Location, declaration.Name, "trainer");
        if (declaration.NonPartialContainer is { } container)
            context.Report(DiagnosticDescriptors.NotPartial, declaration.Location, container, "nested GAN " + declaration.Name);
        if (declaration.IsGeneric)
            context.Report(DiagnosticDescriptors.GenericNotSupported, declaration.Location, declaration.Name);
        if (declaration.ConflictingBaseType is { } ganBase)
            context.Report(DiagnosticDescriptors.ConflictingBaseType, declaration.Location, declaration.Name, ganBase, "GanTrainer<TGenerator, TDiscriminator>");

        var loss = (LossKind)context.Enum(declaration.Find("Loss"), "Loss", (int)LossKind.NonSaturating, 0, 5);
        var order = (OrderKind)context.Enum(declaration.Find("Order"), "Order", 0, 0, 1);
        int criticSteps = Defaults.CriticSteps(loss);
        if (declaration.Find("CriticSteps") is { } critic)
        {
            if (critic.Value < 1) context.Report(DiagnosticDescriptors.CriticStepsTooSmall, critic.Location, Number(critic.Value));
            else criticSteps = (int)critic.Value;
        }
        double realLabel = 1.0;
        if (declaration.Find("RealLabel") is { } label)
        {
            if (!(label.Value > 0.5 && label.Value <= 1.0)) context.Report(DiagnosticDescriptors.RealLabelOutOfRange, label.Location, Number(label.Value));
            else realLabel = label.Value;
        }
        double penalty = context.Check(declaration.Find("GradientPenalty"), "GradientPenalty", 10.0, v => v >= 0 && !double.IsInfinity(v), "zero or positive");
        double clip = context.Check(declaration.Find("WeightClip"), "WeightClip", 0.01, v => v > 0 && !double.IsInfinity(v), "positive");
        double average = context.Check(declaration.Find("GeneratorAverage"), "GeneratorAverage", 0, v => v >= 0 && v < 1, "in [0, 1), e.g. 0.999");
        int pack = (int)context.Check(declaration.Find("Pack"), "Pack", 1, v => v >= 1 && v <= 64 && v == System.Math.Floor(v), "a whole number from 1 to 64 (PacGAN uses 2–4)");

        long[]? dataShape = null;
        var range = RangeKind.Unbounded;
        if (declaration.Data is null)
        {
            context.Report(DiagnosticDescriptors.MissingData, declaration.AttributeLocation, declaration.Name);
        }
        else
        {
            dataShape = ValidateDataShape(declaration.Data, context);
            range = (RangeKind)context.Enum(declaration.Data.Range, "GanData Range", 0, 0, 2);
        }

        NetworkDeclaration? generator = null, discriminator = null;
        foreach (var network in declaration.Networks)
        {
            ref NetworkDeclaration? slot = ref network.Role == NetworkRole.Generator ? ref generator : ref discriminator;
            if (slot is not null)
                context.Report(DiagnosticDescriptors.DuplicateNetwork, network.Location, declaration.Name, RoleName(network.Role), slot.Name);
            else slot = network;
        }
        if (generator is null) context.Report(DiagnosticDescriptors.MissingGenerator, declaration.Location, declaration.Name);
        if (discriminator is null) context.Report(DiagnosticDescriptors.MissingDiscriminator, declaration.Location, declaration.Name);

        int latentSize = 100;
        var latent = LatentKind.Normal;
        NetworkSpec? generatorSpec = null, discriminatorSpec = null;
        if (generator is not null)
        {
            latentSize = (int)context.Check(Find(generator.Arguments, "Latent"), "Latent", 100, v => v >= 1 && v == System.Math.Floor(v), "a whole number ≥ 1");
            latent = (LatentKind)context.Enum(Find(generator.Arguments, "Distribution"), "Distribution", 0, 0, 1);
            generatorSpec = NetworkValidator.Validate(generator, new long[] { latentSize }, loss, context);
        }
        if (discriminator is not null && dataShape is not null)
            discriminatorSpec = NetworkValidator.Validate(discriminator, Packed(dataShape, pack), loss, context);
        else if (discriminator is not null)
            NetworkValidator.Validate(discriminator, null, loss, context);

        if (generatorSpec is not null && dataShape is not null && !Shapes.Equal(ToArray(generatorSpec.OutputShape), dataShape))
            context.Report(DiagnosticDescriptors.GeneratorOutputMismatch, NetworkValidator.LastLayerLocation(generator!), generator!.Name,
                Shapes.Format(generatorSpec.OutputShape), Shapes.Format(dataShape));
        if (discriminatorSpec is not null)
        {
            NetworkValidator.CheckDiscriminatorOutput(discriminator!, discriminatorSpec, context);
            if (loss != LossKind.LeastSquares && NetworkValidator.LastStepKind(discriminator!) is { } last && last.Kind == "Sigmoid")
                context.Report(DiagnosticDescriptors.SigmoidDiscriminator, last.Location, discriminator!.Name, loss.ToString(),
                    loss is LossKind.Minimax or LossKind.NonSaturating ? "logits, with the sigmoid folded into a stable BCE" : "unbounded critic scores");
        }

        int before = diagnostics.Count;
        GanRules.Check(declaration, loss, range, generator, discriminator, diagnostics);
        for (int i = before; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) context.CountError();
        }

        var all = new EquatableArray<DiagnosticInfo>(diagnostics.ToArray());
        if (context.HasErrors || generatorSpec is null || discriminatorSpec is null || dataShape is null)
            return new ValidationResult(null, Recovery.Plan(declaration, all), all);

        var spec = new GanSpec(
            declaration.Namespace, declaration.Containers, declaration.Name, loss, criticSteps, order, realLabel, penalty, clip, average, pack,
            latentSize, latent, new EquatableArray<long>(dataShape), range, generatorSpec, discriminatorSpec);
        return new ValidationResult(spec, null, all);
    }

    /// <summary>What the discriminator sees with packing: <paramref name="pack"/> samples joined along the first dimension.</summary>
    private static long[] Packed(long[] dataShape, int pack)
    {
        var packed = (long[])dataShape.Clone();
        packed[0] *= pack;
        return packed;
    }

    private static long[]? ValidateDataShape(DataDeclaration data, ValidationContext context)
    {
        if (data.Shape.Count == 0)
        {
            context.Report(DiagnosticDescriptors.InvalidArgument, data.Location, "The [GanData] shape", "empty", "at least one dimension, e.g. [GanData(2)]");
            return null;
        }
        var shape = new long[data.Shape.Count];
        for (int i = 0; i < shape.Length; i++)
        {
            if (data.Shape[i] < 1)
            {
                context.Report(DiagnosticDescriptors.InvalidArgument, data.Location, "[GanData] dimension " + i, data.Shape[i].ToString(CultureInfo.InvariantCulture), "≥ 1");
                return null;
            }
            shape[i] = data.Shape[i];
        }
        return shape;
    }
}
