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
        CheckOutputActivation(discriminator, loss, regularizers.Exists(r => r.Kind == typeof(RelativisticAttribute).FullName), context);
        CheckFirstLayerNormalisation(discriminator, context);
        if (regularizers.Exists(r => r.Kind == typeof(GradientPenaltyAttribute).FullName)) CheckGradientPenaltyNormalisation(discriminator, context);
    }

    /// <summary>
    /// GanGen applies the loss's link function itself, so a discriminator whose output passes through Sigmoid applies it
    /// twice (GAN301); a bounded or one-sided activation keeps it from expressing what its loss asks (GAN308): the BCE
    /// family needs logits of either sign and any size, the Wasserstein critic unbounded scores, the hinge loss scores
    /// beyond ±1, relativistic least squares score differences of ±1. Plain least squares' targets 0 and 1 lie inside
    /// every such range. Every step whose values reach the output is judged (<see cref="OutputValues"/>).
    /// </summary>
    private static void CheckOutputActivation(NetworkDeclaration discriminator, GanLoss loss, bool relativistic, ValidationContext context)
    {
        foreach (var last in OutputValues.Of(discriminator))
        {
            bool sigmoid = last.Attribute.AttributeName == typeof(SigmoidAttribute).FullName;
            if (sigmoid && loss != GanLoss.LeastSquares)
            {
                context.Report(DiagnosticDescriptors.SigmoidDiscriminator, last.Location, discriminator.Name, loss.ToString(),
                    loss is GanLoss.Minimax or GanLoss.NonSaturating ? "logits, with the sigmoid folded into a stable BCE" : "unbounded critic scores");
                continue;
            }
            if (Conflict(last, loss, relativistic) is { } conflict)
                context.Report(DiagnosticDescriptors.OutputFightsLoss, last.Location, discriminator.Name, last.Name, conflict.Bound,
                    (relativistic ? "relativistic " : string.Empty) + loss, conflict.Needs);
        }
    }

    /// <summary>How a last activation bounds the scores, and what the loss needs instead; null when they agree.</summary>
    private static (string Bound, string Needs)? Conflict(StepDeclaration last, GanLoss loss, bool relativistic)
    {
        string name = last.Attribute.AttributeName;
        if (loss == GanLoss.LeastSquares)
        {
            // RaLSGAN's targets are differences of ±1 between a score and the other side's average (Jolicoeur-Martineau 2018).
            return relativistic && name == typeof(SigmoidAttribute).FullName
                ? ("within (0, 1)", "a real score 1 above the average fake score and a fake score 1 below the average real one, which scores within (0, 1) never reach")
                : null;
        }
        bool tanh = name == typeof(TanhAttribute).FullName;
        if (!tanh && name != typeof(ReLUAttribute).FullName) return null;
        string needs = loss switch
        {
            GanLoss.Minimax or GanLoss.NonSaturating => tanh
                ? "logits of any size (through Tanh it is never surer than σ(1) = 0.73)"
                : "negative logits to call a sample fake",
            GanLoss.Hinge => tanh ? "scores beyond ±1 to meet its margins" : "negative scores for fakes",
            _ => tanh ? "unbounded critic scores" : "critic scores of both signs",
        };
        return (tanh ? "within (−1, 1)" : "non-negative", needs);
    }

    /// <summary>
    /// Momentum with a clipped critic (Arjovsky et al. 2017, §3): the declared optimizer's, or the default one's when
    /// none is declared (Adam with β1 = 0.5 unless the loss is Wasserstein), reported on the optimizer or on the network.
    /// </summary>
    private static void CheckMomentumWithClipping(NetworkDeclaration network, OptimizerDefaults defaults, ValidationContext context)
    {
        bool declared = network.Optimizers.Count > 0;
        var kind = declared ? network.Optimizers[0].Kind : defaults.Kind;
        string? argument = kind switch
        {
            OptimizerKind.Adam => "Beta1",
            OptimizerKind.Sgd => "Momentum",
            _ => null,
        };
        if (argument is null) return;
        double momentum = (declared ? network.Optimizers[0].Attribute.Find(argument)?.Value : null) ?? defaults.Value(kind, argument);
        if (momentum <= 0) return;
        context.Report(DiagnosticDescriptors.MomentumWithWeightClip, declared ? network.Optimizers[0].Attribute.Location : network.Marker.Location,
            Declared.Capitalize(Declared.RoleName(network.Role)), network.Name, kind.ToString(),
            $"{argument} = {Declared.Number(momentum)}{(declared ? string.Empty : ", the default without an optimizer attribute")}", argument);
    }

    /// <summary>A layer with a bias directly followed by batch norm: the norm subtracts the bias again.</summary>
    private static void CheckBiasBeforeBatchNorm(NetworkDeclaration network, ValidationContext context) => CheckBiasBeforeBatchNorm(network.Layers, context);

    private static void CheckBiasBeforeBatchNorm(EquatableArray<LayerDeclaration> nodes, ValidationContext context)
    {
        foreach (var node in nodes)
        {
            if (node.Block is { } block && !node.BlockCycle) CheckBiasBeforeBatchNorm(block.Layers, context);
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            var norm = nodes[i];
            if (!NormalisesInput(norm, 0)) continue;
            // The node it reads: the previous one, or the earlier one its [From] names (not the input, whose bias is not here).
            int source = NodeGraph.Source(nodes, i);
            if (source < 0) continue;
            var layer = nodes[source];
            if (layer.Block is not null || layer.Steps.Count == 0) continue;
            var last = layer.Steps[layer.Steps.Count - 1];
            if (!last.IsLayer || !Kind(last, out var lastKind) || !HasBias(lastKind, last)) continue;
            // The bias is redundant only when every reader normalises it away.
            if (!NodeGraph.OnlyReadAsInputBy(nodes, source, reader => NormalisesInput(reader, 0))) continue;
            context.Report(DiagnosticInfo.Create(DiagnosticDescriptors.BiasBeforeBatchNorm, last.Location, layer.Name, norm.Name)
                with { FixKey = DiagnosticProperties.Bias, FixValue = "false" });
        }
    }

    /// <summary>
    /// Whether the node batch-normalises what it reads before anything else: it starts with a batch norm, or it is a
    /// block whose every node reading the block's input does (and no merge inside reads that input).
    /// </summary>
    private static bool NormalisesInput(LayerDeclaration node, int depth)
    {
        if (node.Block is not { } block) return node.Steps.Count > 0 && Kind(node.Steps[0], out var kind) && kind.IsBatchNormalization;
        if (node.BlockCycle || depth > 16 || block.Layers.Count == 0) return false;
        for (int i = 0; i < block.Layers.Count; i++)
        {
            foreach (var step in block.Layers[i].Steps)
            {
                if (step.Reference?.Name == global::GanGen.Node.Input) return false;
            }
            if (NodeGraph.Source(block.Layers, i) == NodeGraph.Input && !NormalisesInput(block.Layers[i], depth + 1)) return false;
        }
        return true;
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
        // Reshaping, pooling, upsampling or joining after the activation keeps its range: every value source must end in it.
        foreach (var last in OutputValues.Of(generator))
        {
            if (last.Attribute.AttributeName != required.FullName)
                context.Report(DiagnosticDescriptors.OutputRangeMismatch, last.Location, generator.Name, last.Name, range.ToString(), Attributes.ShortName(required.Name));
        }
    }

    private static void CheckFirstLayerNormalisation(NetworkDeclaration discriminator, ValidationContext context) =>
        FirstLayerNormalisation(discriminator, discriminator.Layers, context, 0);

    /// <summary>
    /// The input layer is each node that reads the input (the first, or one whose [From] names it; inside the block
    /// such a node is), plus a normalisation node right after it; reports the first batch norm found there.
    /// </summary>
    private static bool FirstLayerNormalisation(NetworkDeclaration discriminator, EquatableArray<LayerDeclaration> nodes, ValidationContext context, int depth)
    {
        if (depth > 16) return false;
        for (int i = 0; i < nodes.Count; i++)
        {
            if (NodeGraph.Source(nodes, i) != NodeGraph.Input) continue;
            if (nodes[i].Block is { } block)
            {
                if (!nodes[i].BlockCycle && FirstLayerNormalisation(discriminator, block.Layers, context, depth + 1)) return true;
                continue;
            }
            if (ReportBatchNorm(discriminator, nodes[i], context)) return true;
            if (i + 1 < nodes.Count && nodes[i + 1].From is null && nodes[i + 1].Block is null && ReportBatchNorm(discriminator, nodes[i + 1], context)) return true;
        }
        return false;
    }

    private static bool ReportBatchNorm(NetworkDeclaration discriminator, LayerDeclaration node, ValidationContext context)
    {
        foreach (var step in node.Steps)
        {
            if (!Kind(step, out var kind) || !kind.IsBatchNormalization) continue;
            context.Report(DiagnosticDescriptors.BatchNormOnDiscriminatorInput, step.Location, discriminator.Name, node.Name);
            return true;
        }
        return false;
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
