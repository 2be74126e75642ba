using GanGen.CodeFixes;
using System.Collections.Generic;
using System.Globalization;
using GanGen.Generators.Catalog;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Language;
using GanGen.Generators.Model;
using static GanGen.Generators.Validation.Declared;

namespace GanGen.Generators.Validation;

/// <summary>
/// Validates one network: its usage (partial, non-generic, names), each layer property and its steps against the
/// <see cref="StepCatalog"/> with shape inference from the input shape, weight initialisation, and the
/// discriminator's output.
/// </summary>
internal static class NetworkValidator
{
    public static NetworkSpec? Validate(NetworkDeclaration network, Arguments arguments, long[]? input, InputOrigin origin, ConditionSpec conditions,
        OptimizerDefaults optimizerDefaults, BlockUses blocks, ValidationContext context)
    {
        int errorsBefore = context.ErrorCount;
        string role = RoleName(network.Role);
        if (!network.IsPartial) context.Report(DiagnosticDescriptors.NotPartial, network.Location, network.Name, role + " module");
        if (network.IsGeneric) context.Report(DiagnosticDescriptors.GenericNotSupported, network.Location, network.Name);
        if (network.BaseType is { } baseType)
            context.Report(DiagnosticDescriptors.ConflictingBaseType, network.Location, network.Name, baseType, "its TorchSharp Module type");
        for (int i = 1; i < network.Markers.Count; i++)
            context.Report(DiagnosticDescriptors.DuplicateRoleAttribute, network.Markers[i], network.Name, network.Marker.Name);
        if (ReservedNames.TrainerMembers.Contains(network.Name))
            context.Report(DiagnosticDescriptors.NetworkNameReserved, network.Location, network.Name);

        var optimizer = OptimizerValidator.Resolve(network, optimizerDefaults, context);

        CheckSingleFeatureMarker(network, context);
        if (network.Layers.Count == 0)
        {
            context.Report(DiagnosticDescriptors.EmptyNetwork, network.Location, Capitalize(role), network.Name);
            return null;
        }

        var scope = new NodeScope(network.Name, role, network.Layers, input, origin, network.Role,
            conditions.Mode == Conditioning.BatchNorm ? conditions.Classes : 0, Spectral: false, blocks);
        var (layers, shape) = NodeValidator.Validate(scope, context);
        if (context.ErrorCount > errorsBefore || input is null || shape is null) return null;
        var nodes = new EquatableArray<LayerSpec>(layers.ToArray());
        return new NetworkSpec(network.Role, network.Name, ResolveInit(arguments, nodes), optimizer, nodes,
            new EquatableArray<long>(input), new EquatableArray<long>(shape), SamplesIndependent(nodes), conditions);
    }

    private static bool SamplesIndependent(EquatableArray<LayerSpec> layers)
    {
        foreach (var step in Declared.Steps(layers))
        {
            if (StepCatalog.Get(step.Kind).CouplesSamples) return false;
        }
        return true;
    }

    /// <summary>Feature matching reads one set of features: a second marker is GAN219.</summary>
    public static void CheckSingleFeatureMarker(NetworkDeclaration network, ValidationContext context)
    {
        bool seen = false;
        foreach (var layer in network.Layers)
        {
            foreach (var step in layer.Steps)
            {
                if (!StepCatalog.TryGet(step.Attribute.AttributeName, out var kind) || kind is not FeatureMatchingKind) continue;
                if (seen)
                    context.Report(DiagnosticDescriptors.StepNotApplicable, step.Location, kind.Name, layer.Name,
                        $"'{network.Name}' already marks its features for matching; keep one [FeatureMatching]");
                seen = true;
            }
        }
    }

    /// <summary>One score [1] per sample, or with Output = PatchMap a one-channel [1, H, W] map of patch scores.</summary>
    public static void CheckDiscriminatorOutput(NetworkDeclaration discriminator, Arguments arguments, NetworkSpec spec, ValidationContext context)
    {
        var output = ToArray(spec.OutputShape);
        bool isMap = output.Length == 3 && output[0] == 1;
        if ((DiscriminatorOutput)arguments.Int("Output") == DiscriminatorOutput.PatchMap)
        {
            if (!isMap)
                context.Report(DiagnosticDescriptors.PatchMapOutputMismatch, LastLayerLocation(discriminator), discriminator.Name, Shapes.Format(output),
                    output.Length == 3
                        ? $"give its last convolution 1 output channel instead of {output[0]}"
                        : "end it with a Conv2d of 1 output channel and no [Flatten], or remove Output = PatchMap for one score per sample");
        }
        else if (!Shapes.Equal(output, new long[] { 1 }))
        {
            var mismatch = DiagnosticInfo.Create(DiagnosticDescriptors.DiscriminatorOutputMismatch, LastLayerLocation(discriminator), discriminator.Name,
                Shapes.Format(output), isMap ? ", or declare [GanDiscriminator(Output = DiscriminatorOutput.PatchMap)] to train on its map of patch scores" : "");
            // A one-channel map can be declared a patch map by a code fix.
            context.Report(isMap ? mismatch with { FixKey = DiagnosticProperties.PatchMap, FixValue = "true" } : mismatch);
        }
    }

    /// <summary>The declared Init, else DCGAN's N(0, 0.02) for convolutional networks (Radford et al. 2015), else TorchSharp's.</summary>
    private static WeightInit ResolveInit(Arguments arguments, EquatableArray<LayerSpec> layers)
    {
        if (arguments.IsDeclared("Init")) return (WeightInit)arguments.Int("Init");
        foreach (var step in Declared.Steps(layers))
        {
            if (StepCatalog.Get(step.Kind).IsConvolution) return WeightInit.Dcgan;
        }
        return WeightInit.Default;
    }

    public static SourceSpan LastLayerLocation(NetworkDeclaration network)
    {
        var layer = Declared.LastLayer(network.Layers);
        foreach (var step in layer.Steps)
        {
            if (step.IsLayer) return step.Location;
        }
        return layer.Location;
    }
}

/// <summary>
/// Where a network's input comes from, so a mismatch at its first layer names what sets that input (Latent, Pack, the
/// joined label, the data shape) instead of a previous layer that does not exist.
/// </summary>
/// <param name="Description">The input in words, e.g. "the latent vector (Latent = 100)".</param>
/// <param name="Remedy">What changes it: a format whose {0} is the size the layer wants, e.g. "set Latent = {0} on [GanGenerator]".</param>
internal sealed record InputOrigin(string Description, string Remedy)
{
    private const string PreviousLayer = "make the previous layer output ";

    public string Explain(string problem)
    {
        int at = problem.IndexOf(PreviousLayer, System.StringComparison.Ordinal);
        if (at < 0) return $"{problem} (this first layer's input is {Description})";
        string wanted = problem.Substring(at + PreviousLayer.Length);
        return problem.Substring(0, at) + $"this first layer's input is {Description}; " +
            string.Format(CultureInfo.InvariantCulture, Remedy, wanted) + ", or change the layer to take it";
    }
}
