using System.Collections.Generic;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>[DiffAugment(Policy, Translation, Cutout)]: the same differentiable augmentation of every discriminator input.</summary>
internal sealed partial class DiffAugmentKind : RegularizerKind
{
    public DiffAugmentKind() : base(typeof(DiffAugmentAttribute))
    {
    }

    public override string RuntimeType => Runtime + "DiffAugment";

    public override string ConstructorArguments(RegularizerSpec spec) =>
        $"policy: {Policy(spec, "global::GanGen.Augmentations.", " | ")}, translation: {Literals.Double(spec["Translation"])}, cutout: {Literals.Double(spec["Cutout"])}";

    public override string DiscriminatorInput(RegularizerSpec spec) => $"{Field}.Apply(samples)";

    public override string Describe(RegularizerSpec spec) =>
        $"DiffAugment ({Policy(spec, string.Empty, ", ").ToLowerInvariant()}) of every discriminator input";

    public override void Check(RegularizerUse use, ValidationContext context)
    {
        if (use.Declaration.Find("Policy") is { Value: 0 } none)
            context.Report(DiagnosticDescriptors.RegularizerNotApplicable, none.Location, use.Declaration.Name,
                "its policy is None, so it augments nothing; name Augmentations.Color, Translation or Cutout (combined with |), or remove it");
        if (use.DataShape is { Length: not 3 } shape)
            context.Report(DiagnosticDescriptors.RegularizerNotApplicable, use.Declaration.Location, use.Declaration.Name,
                $"it augments images [C, H, W], but each sample is [{string.Join(", ", shape)}]; use [InstanceNoise] for other data");
    }

    private static string Policy(RegularizerSpec spec, string prefix, string separator)
    {
        var policy = (Augmentations)(int)spec["Policy"];
        var names = new List<string>();
        foreach (var flag in new[] { Augmentations.Color, Augmentations.Translation, Augmentations.Cutout })
        {
            if ((policy & flag) != 0) names.Add(prefix + flag);
        }
        return string.Join(separator, names);
    }
}
