using System.Collections.Generic;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>Emits the static <c>Declaration</c>: every number the trainer trains with, literature defaults resolved.</summary>
internal static class DeclarationEmitter
{
    public static void Emit(SourceWriter writer, GanSpec gan)
    {
        var arguments = new List<string>
        {
            $"Name: \"{gan.Name}\"",
            $"Loss: global::GanGen.GanLoss.{gan.Loss.Kind}",
            $"CriticSteps: {Literals.Int(gan.Schedule.CriticSteps)}",
            $"Order: global::GanGen.TrainingOrder.{gan.Schedule.Order}",
            $"LatentSize: {Literals.Int(gan.LatentSize)}",
            $"Latent: global::GanGen.LatentDistribution.{gan.Latent}",
            $"DataShape: {Literals.LongArray(gan.DataShape)}",
            $"Generator: {Optimizer(gan.Generator.Optimizer)}",
            $"Discriminator: {Optimizer(gan.Discriminator.Optimizer)}",
        };
        // Optional arguments only when they differ from their defaults, so most declarations stay short.
        if (gan.GeneratorAverage > 0) arguments.Add($"GeneratorAverage: {Literals.Double(gan.GeneratorAverage)}");
        if (gan.Pack != 1) arguments.Add($"Pack: {Literals.Int(gan.Pack)}");
        if (gan.Classes > 0) arguments.Add($"Classes: {Literals.Int(gan.Classes)}");
        if (gan.Input != GeneratorInput.Noise) arguments.Add($"Input: global::GanGen.GeneratorInput.{gan.Input}");
        if (gan.Schedule.GeneratorSteps != 1) arguments.Add($"GeneratorSteps: {Literals.Int(gan.Schedule.GeneratorSteps)}");
        foreach (var regularizer in gan.Regularizers) arguments.AddRange(Catalog.RegularizerCatalog.Get(regularizer.Kind).DeclarationArguments(regularizer));

        writer.Line("/// <summary>The declaration as resolved at compile time, literature defaults applied.</summary>");
        writer.Line("public static readonly global::GanGen.Runtime.Training.GanTrainerConfig Declaration = new(");
        for (int i = 0; i < arguments.Count; i++) writer.Line("    " + arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
    }

    /// <summary>The optimizer's own arguments only (Adam has no momentum, SGD no betas), named as in <c>OptimizerSettings</c>.</summary>
    private static string Optimizer(OptimizerSpec optimizer)
    {
        var parts = new List<string> { "global::GanGen.OptimizerKind." + optimizer.Kind };
        foreach (var value in optimizer.Values) parts.Add($"{value.Name}: {Literals.Double(value.Value)}");
        return "new(" + string.Join(", ", parts) + ")";
    }
}
