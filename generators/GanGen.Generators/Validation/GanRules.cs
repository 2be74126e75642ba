using System.Collections.Generic;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// GAN-specific rules from the literature, checked on the declaration after the usage and shape checks: errors
/// where training cannot work as declared, warnings where the papers only advise.
/// </summary>
internal static class GanRules
{
    public static void Check(GanDeclaration gan, LossKind loss, RangeKind range, NetworkDeclaration? generator,
        NetworkDeclaration? discriminator, List<DiagnosticInfo> diagnostics)
    {
        CheckLossOptions(gan, loss, diagnostics);
        if (generator is not null) CheckNetwork(generator, diagnostics);
        if (discriminator is not null) CheckNetwork(discriminator, diagnostics);
        if (generator is not null && generator.Layers.Count > 0) CheckOutputRange(gan, generator, range, diagnostics);
        if (discriminator is not null && discriminator.Layers.Count > 0)
        {
            CheckFirstLayerNormalisation(discriminator, diagnostics);
            if (loss == LossKind.WassersteinGP) CheckGradientPenaltyNormalisation(discriminator, diagnostics);
        }
    }

    private static void CheckLossOptions(GanDeclaration gan, LossKind loss, List<DiagnosticInfo> diagnostics)
    {
        if (loss != LossKind.WassersteinGP && gan.Find("GradientPenalty") is { } penalty)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OptionForOtherLoss, penalty.Location, "GradientPenalty", "WassersteinGP", loss.ToString()));
        if (loss != LossKind.Wasserstein && gan.Find("WeightClip") is { } clip)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OptionForOtherLoss, clip.Location, "WeightClip", "Wasserstein", loss.ToString()));
        if (loss is not (LossKind.Minimax or LossKind.NonSaturating) && gan.Find("RealLabel") is { } label)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OptionForOtherLoss, label.Location, "RealLabel", "Minimax or NonSaturating", loss.ToString()));
    }

    private static void CheckNetwork(NetworkDeclaration network, List<DiagnosticInfo> diagnostics)
    {
        var names = new HashSet<string>();
        string role = network.Role == NetworkRole.Generator ? "Generator" : "Discriminator";
        for (int i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            if (!names.Add(layer.Name))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateLayerName, layer.Location, role, network.Name, layer.Name));
            if (i + 1 >= network.Layers.Count || layer.Steps.Count == 0) continue;
            var last = layer.Steps[layer.Steps.Count - 1];
            var next = network.Layers[i + 1];
            if (last.Kind == "Dense" && (last.Find("Bias")?.Value ?? 1) != 0 && next.Steps.Count > 0 && IsBatchNorm(next.Steps[0].Kind))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BiasBeforeBatchNorm, last.Location, layer.Name, next.Name));
        }
    }

    private static void CheckOutputRange(GanDeclaration gan, NetworkDeclaration generator, RangeKind range, List<DiagnosticInfo> diagnostics)
    {
        string? required = range switch
        {
            RangeKind.MinusOneToOne => "Tanh",
            RangeKind.ZeroToOne => "Sigmoid",
            _ => null,
        };
        if (required is null) return;
        var layer = generator.Layers[generator.Layers.Count - 1];
        if (layer.Steps.Count == 0) return;
        var last = layer.Steps[layer.Steps.Count - 1];
        if (last.Kind == required) return;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OutputRangeMismatch, last.Location,
            generator.Name, last.Kind, range.ToString(), required));
    }

    private static void CheckFirstLayerNormalisation(NetworkDeclaration discriminator, List<DiagnosticInfo> diagnostics)
    {
        // The first layer is the first property, plus a normalisation property right after it.
        for (int i = 0; i < discriminator.Layers.Count && i < 2; i++)
        {
            foreach (var step in discriminator.Layers[i].Steps)
            {
                if (!IsBatchNorm(step.Kind)) continue;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BatchNormOnDiscriminatorInput, step.Location, discriminator.Name, discriminator.Layers[i].Name));
                return;
            }
        }
    }

    private static void CheckGradientPenaltyNormalisation(NetworkDeclaration critic, List<DiagnosticInfo> diagnostics)
    {
        foreach (var layer in critic.Layers)
        {
            foreach (var step in layer.Steps)
            {
                if (IsBatchNorm(step.Kind))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BatchNormWithGradientPenalty, step.Location, critic.Name, layer.Name));
            }
        }
    }

    private static bool IsBatchNorm(string kind) => kind.StartsWith("BatchNorm", System.StringComparison.Ordinal);
}
