using System.Collections.Generic;
using System.Globalization;
using System.Text;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// What a block's generated class depends on, without the spatial sizes it runs at: its nodes, references, and each
/// step's kind, arguments and construction key (input channels and rank, or whatever the kind's construction reads).
/// Two uses with one signature are served by one class.
/// </summary>
internal static class BlockSignatures
{
    public static string Of(List<LayerSpec> layers, int conditionalClasses)
    {
        var text = new StringBuilder(conditionalClasses > 0 && HasBatchNorm(layers) ? $"cbn{conditionalClasses};" : ";");
        Append(text, layers);
        return text.ToString();
    }

    private static void Append(StringBuilder text, IEnumerable<LayerSpec> layers)
    {
        foreach (var layer in layers)
        {
            text.Append(layer.Name).Append('<').Append(layer.From).Append('{');
            if (layer.Block is { } block) text.Append(block.TypeName).Append(':').Append(block.Signature);
            foreach (var step in layer.Steps)
            {
                text.Append(step.Kind).Append('(');
                foreach (var argument in step.Arguments) text.Append(argument.Name).Append('=').Append(argument.Value.ToString("R", CultureInfo.InvariantCulture)).Append(',');
                foreach (int dimension in step.Dimensions) text.Append(dimension).Append(',');
                text.Append(step.Reference).Append('|').Append(StepCatalog.Get(step.Kind).ConstructionKey(step)).Append(')');
            }
            text.Append('}');
        }
    }

    /// <summary>"taking 128 channels": what tells two uses apart in a message.</summary>
    public static string Describe(BlockSpec spec)
    {
        var shape = spec.InputShape;
        return shape.Count == 3 ? $"on {shape[0]} channels ({Shapes.Format(shape)})" : $"on {Shapes.Format(shape)}";
    }

    public static bool HasBatchNorm(List<LayerSpec> layers)
    {
        foreach (var step in Declared.Steps(new EquatableArray<LayerSpec>(layers.ToArray())))
        {
            if (StepCatalog.Get(step.Kind).IsBatchNormalization) return true;
        }
        return false;
    }
}
