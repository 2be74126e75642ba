using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Language;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>Resolves the regularisers declared beside [Gan] against the <see cref="RegularizerCatalog"/> and checks each fits.</summary>
internal static class RegularizerValidator
{
    /// <param name="spectralCritic">Every weighted layer of the discriminator is spectrally normalised: a Lipschitz constraint of its own.</param>
    /// <param name="dataShape">One sample's shape, or null when [GanData] is invalid.</param>
    public static List<RegularizerSpec> Validate(GanDeclaration gan, GanLoss loss, GeneratorInput input, bool conditioned, bool spectralCritic, long[]? dataShape,
        ValidationContext context)
    {
        var specs = new List<RegularizerSpec>();
        var all = new List<AttributeDeclaration>(gan.Regularizers);
        foreach (var declaration in gan.Regularizers)
        {
            if (!RegularizerCatalog.TryGet(declaration.AttributeName, out var kind))
            {
                context.Report(DiagnosticDescriptors.UnsupportedAttribute, declaration.Location, declaration.Name, gan.Name);
                continue;
            }
            int before = context.ErrorCount;
            var arguments = Arguments.Resolve(kind.Arguments, declaration.Arguments, $"{kind.Name} {{0}}", context);
            kind.Check(new RegularizerUse(declaration, loss, input, conditioned, all, dataShape), context);
            if (context.ErrorCount == before) specs.Add(new RegularizerSpec(declaration.AttributeName, arguments.ToSpec(kind.Arguments)));
        }
        if (loss == GanLoss.Wasserstein && !spectralCritic && !Has(all, typeof(GradientPenaltyAttribute)) && !Has(all, typeof(WeightClipAttribute)))
            context.Report(DiagnosticDescriptors.UnconstrainedCritic, gan.Gan.Find("Loss")?.Location ?? gan.Gan.Location, gan.Name);
        return specs;
    }

    private static bool Has(List<AttributeDeclaration> all, System.Type attribute)
    {
        foreach (var declaration in all)
        {
            if (declaration.AttributeName == attribute.FullName) return true;
        }
        return false;
    }
}
