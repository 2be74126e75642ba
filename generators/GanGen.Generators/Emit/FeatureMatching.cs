using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>Where a discriminator's [FeatureMatching] marker stands: its layer and step, and the term's weight.</summary>
internal sealed record FeatureMatching(int Layer, int Step, double Weight, EquatableArray<long> Shape)
{
    public static FeatureMatching? Of(NetworkSpec network)
    {
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var steps = network.Layers[l].Steps;
            for (int s = 0; s < steps.Count; s++)
            {
                if (StepCatalog.Get(steps[s].Kind) is FeatureMatchingKind) return new FeatureMatching(l, s, steps[s]["Weight"], steps[s].OutputShape);
            }
        }
        return null;
    }
}
