using GanGen.CodeFixes;
using System.Collections.Generic;
using GanGen.Generators.Catalog;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Language;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// GAN-specific rules from the literature, checked on the declaration after the usage and shape checks: errors
/// where training cannot work as declared, warnings where the papers only advise.
/// </summary>
internal static class GanRules
{
    public static void Check(GanDeclaration gan, Arguments arguments, GanLoss loss, List<RegularizerSpec> regularizers, DataRange range,
        NetworkDeclaration? generator, NetworkDeclaration? discriminator, OptimizerDefaults optimizers, ValidationContext context)
    {
        if (regularizers.Exists(r => r.Kind == typeof(WeightClipAttribute).FullName))
        {
            if (generator is not null) CheckMomentumWithClipping(generator, optimizers, context);
            if (discriminator is not null) CheckMomentumWithClipping(discriminator, optimizers, context);
        }
        if (loss is not (GanLoss.Minimax or GanLoss.NonSaturating) && arguments.Declared("RealLabel") is { } label)
            context.Report(DiagnosticDescriptors.OptionForOtherLoss, label.Location, "RealLabel", "Minimax or NonSaturating", loss.ToString());
        if (generator is not null) CheckBiasBeforeBatchNorm(generator, context);
        if (discriminator is not null) CheckBiasBeforeBatchNorm(discriminator, context);
        if (generator is { Layers.Count: > 0 }) CheckOutputRange(generator, range, context);
        if (discriminator is not { Layers.Count: > 0 }) return;
        CheckSigmoid(discriminator, loss, context);
        CheckOutputAgainstLoss(discriminator, loss, context);
        CheckFirstLayerNormalisation(discriminator, context);
        if (regularizers.Exists(r => r.Kind == typeof(GradientPenaltyAttribute).FullName)) CheckGradientPenaltyNormalisation(discriminator, context);
    }

    /// <summary>GanGen applies the loss's link function itself, so a discriminator ending in Sigmoid applies it twice.</summary>
    private static void CheckSigmoid(NetworkDeclaration discriminator, GanLoss loss, ValidationContext context)
    {
        if (loss == GanLoss.LeastSquares) return;
        var last = LastValueStep(discriminator);
        if (last is null || last.Attribute.AttributeName != typeof(SigmoidAttribute).FullName) return;
        context.Report(DiagnosticDescriptors.SigmoidDiscriminator, last.Location, discriminator.Name, loss.ToString(),
            loss is GanLoss.Minimax or GanLoss.NonSaturating ? "logits, with the sigmoid folded into a stable BCE" : "unbounded critic scores");
    }

    /// <summary>
    /// A bounded or one-sided last activation on a discriminator keeps it from expressing what its loss asks: the BCE
    /// family needs logits of either sign and any size, the Wasserstein critic unbounded scores, the hinge loss scores
    /// beyond ±1. (Sigmoid is GAN301; least squares' targets 0 and 1 lie inside either range.)
    /// </summary>
    private static void CheckOutputAgainstLoss(NetworkDeclaration discriminator, GanLoss loss, ValidationContext context)
    {
        if (loss == GanLoss.LeastSquares) return;
        var last = LastValueStep(discriminator);
        if (last is null) return;
        string? bound = last.Attribute.AttributeName == typeof(TanhAttribute).FullName ? "within (−1, 1)"
            : last.Attribute.AttributeName == typeof(ReLUAttribute).FullName ? "non-negative"
            : null;
        if (bound is null) return;
        bool tanh = bound.StartsWith("within", System.StringComparison.Ordinal);
        string needs = loss switch
        {
            GanLoss.Minimax or GanLoss.NonSaturating => tanh
                ? "logits of any size (through Tanh it is never surer than σ(1) = 0.73)"
                : "negative logits to call a sample fake",
            GanLoss.Hinge => tanh ? "scores beyond ±1 to meet its margins" : "negative scores for fakes",
            _ => tanh ? "unbounded critic scores" : "critic scores of both signs",
        };
        context.Report(DiagnosticDescriptors.OutputFightsLoss, last.Location, discriminator.Name, last.Name, bound, loss.ToString(), needs);
    }

    /// <summary>The last step that sets values: trailing reshaping, pooling or upsampling keeps the range of what precedes it.</summary>
    private static StepDeclaration? LastValueStep(NetworkDeclaration network)
    {
        var steps = Declared.LastLayer(network.Layers).Steps;
        int index = steps.Count - 1;
        while (index > 0 && Kind(steps[index], out var kind) && kind.KeepsRange) index--;
        return index < 0 ? null : steps[index];
    }

    private static void CheckMomentumWithClipping(NetworkDeclaration network, OptimizerDefaults defaults, ValidationContext context)
    {
        if (network.Optimizers.Count == 0) return;
        var optimizer = network.Optimizers[0];
        string? argument = optimizer.Kind switch
        {
            OptimizerKind.Adam => "Beta1",
            OptimizerKind.Sgd => "Momentum",
            _ => null,
        };
        if (argument is null) return;
        double momentum = optimizer.Attribute.Find(argument)?.Value ?? defaults.Value(optimizer.Kind, argument);
        if (momentum <= 0) return;
        context.Report(DiagnosticDescriptors.MomentumWithWeightClip, optimizer.Attribute.Location, Declared.Capitalize(Declared.RoleName(network.Role)),
            network.Name, optimizer.Kind.ToString(), $"{argument} = {Declared.Number(momentum)}", argument);
    }

    /// <summary>A layer with a bias directly followed by batch norm: the norm subtracts the bias again.</summary>
    private static void CheckBiasBeforeBatchNorm(NetworkDeclaration network, ValidationContext context) => CheckBiasBeforeBatchNorm(network.Layers, context);

    private static void CheckBiasBeforeBatchNorm(EquatableArray<LayerDeclaration> nodes, ValidationContext context)
    {
        foreach (var node in nodes)
        {
            if (node.Block is { } block) CheckBiasBeforeBatchNorm(block.Layers, context);
        }
        for (int i = 0; i + 1 < nodes.Count; i++)
        {
            var layer = nodes[i];
            var next = nodes[i + 1];
            // A node that reads another node's output does not follow the one declared before it.
            if (next.From is not null || layer.Block is not null || next.Block is not null) continue;
            if (layer.Steps.Count == 0 || next.Steps.Count == 0) continue;
            var last = layer.Steps[layer.Steps.Count - 1];
            if (!last.IsLayer || !Kind(last, out var lastKind) || !HasBias(lastKind, last)) continue;
            if (Kind(next.Steps[0], out var nextKind) && nextKind.IsBatchNormalization)
                context.Report(DiagnosticInfo.Create(DiagnosticDescriptors.BiasBeforeBatchNorm, last.Location, layer.Name, next.Name)
                    with { FixKey = DiagnosticProperties.Bias, FixValue = "false" });
        }
    }

    private static bool HasBias(StepKind kind, StepDeclaration step)
    {
        foreach (var rule in kind.Arguments)
        {
            if (rule.Name == "Bias") return (step.Attribute.Find("Bias")?.Value ?? rule.Default) != 0;
        }
        return false;
    }

    private static void CheckOutputRange(NetworkDeclaration generator, DataRange range, ValidationContext context)
    {
        var required = range switch
        {
            DataRange.MinusOneToOne => typeof(TanhAttribute),
            DataRange.ZeroToOne => typeof(SigmoidAttribute),
            _ => null,
        };
        if (required is null) return;
        // Reshaping, pooling or upsampling after the activation keeps its range: look through them.
        var last = LastValueStep(generator);
        if (last is null || last.Attribute.AttributeName == required.FullName) return;
        context.Report(DiagnosticDescriptors.OutputRangeMismatch, last.Location, generator.Name, last.Name, range.ToString(), Attributes.ShortName(required.Name));
    }

    private static void CheckFirstLayerNormalisation(NetworkDeclaration discriminator, ValidationContext context)
    {
        // The first layer is the first property, plus a normalisation property right after it.
        for (int i = 0; i < discriminator.Layers.Count && i < 2; i++)
        {
            foreach (var step in discriminator.Layers[i].Steps)
            {
                if (!Kind(step, out var kind) || !kind.IsBatchNormalization) continue;
                context.Report(DiagnosticDescriptors.BatchNormOnDiscriminatorInput, step.Location, discriminator.Name, discriminator.Layers[i].Name);
                return;
            }
        }
    }

    /// <summary>The gradient penalty is per sample; batch statistics couple samples (Gulrajani et al. 2017, §4).</summary>
    private static void CheckGradientPenaltyNormalisation(NetworkDeclaration critic, ValidationContext context)
    {
        foreach (var (layer, step) in Declared.Steps(critic.Layers))
        {
            if (Kind(step, out var kind) && kind.CouplesSamples)
                context.Report(DiagnosticDescriptors.BatchNormWithGradientPenalty, step.Location, critic.Name, kind.Name, layer.Name);
        }
    }

    private static bool Kind(StepDeclaration step, out StepKind kind) => StepCatalog.TryGet(step.Attribute.AttributeName, out kind);
}
