using System.Collections.Generic;
using System.Globalization;
using GanGen.Generators.Diagnostics;
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
    public static NetworkSpec? Validate(NetworkDeclaration network, long[]? input, LossKind loss, ValidationContext context)
    {
        int errorsBefore = context.ErrorCount;
        string role = RoleName(network.Role);
        if (!network.IsPartial) context.Report(DiagnosticDescriptors.NotPartial, network.Location, network.Name, role + " module");
        if (network.IsGeneric) context.Report(DiagnosticDescriptors.GenericNotSupported, network.Location, network.Name);
        if (network.ConflictingBaseType is { } baseType)
            context.Report(DiagnosticDescriptors.ConflictingBaseType, network.Location, network.Name, baseType, "Module<Tensor, Tensor>");

        if (ReservedNames.TrainerMembers.Contains(network.Name))
            context.Report(DiagnosticDescriptors.NetworkNameReserved, network.Location, network.Name);

        var optimizer = OptimizerValidator.Resolve(network, loss, context);

        if (network.Layers.Count == 0)
        {
            context.Report(DiagnosticDescriptors.EmptyNetwork, network.Location, Capitalize(role), network.Name);
            return null;
        }

        var layers = new List<LayerSpec>();
        long[]? shape = input;
        foreach (var layer in network.Layers)
        {
            var spec = ValidateLayer(layer, shape, context);
            if (spec is null)
            {
                shape = null; // later layers' shapes are unknown; their own usage errors are still reported
                continue;
            }
            layers.Add(spec);
            shape = ToArray(spec.OutputShape);
        }
        if (context.ErrorCount > errorsBefore || input is null || shape is null) return null;
        return new NetworkSpec(network.Role, network.Name, ResolveInit(network, layers, context), optimizer, new EquatableArray<LayerSpec>(layers.ToArray()),
            new EquatableArray<long>(input), new EquatableArray<long>(shape), SamplesIndependent(layers));
    }

    private static bool SamplesIndependent(List<LayerSpec> layers)
    {
        foreach (var layer in layers)
        {
            foreach (var step in layer.Steps)
            {
                if (StepCatalog.TryGet(step.Kind, out var rule) && rule.CouplesSamples) return false;
            }
        }
        return true;
    }

    private static LayerSpec? ValidateLayer(LayerDeclaration layer, long[]? input, ValidationContext context)
    {
        int errorsBefore = context.ErrorCount;
        if (!layer.IsPartialDefinition || layer.IsImplemented || layer.IsStatic || layer.HasSetter)
            context.Report(DiagnosticDescriptors.LayerNotPartialProperty, layer.Location, layer.Name);
        if (ReservedNames.NetworkMembers.Contains(layer.Name))
            context.Report(DiagnosticDescriptors.LayerNameReserved, layer.Location, layer.Name);
        foreach (var unknown in layer.UnknownSteps)
            context.Report(DiagnosticDescriptors.UnsupportedAttribute, unknown.Location, unknown.Kind, layer.Name);

        int layerCount = 0;
        StepDeclaration? module = null;
        foreach (var step in layer.Steps)
        {
            if (!step.IsLayer) continue;
            layerCount++;
            module ??= step;
        }
        if (layerCount != 1)
        {
            context.Report(DiagnosticDescriptors.LayerCount, layer.Location, layer.Name, layerCount.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        if (!StepCatalog.TryGet(module!.Kind, out var moduleRule))
        {
            context.Report(DiagnosticDescriptors.UnsupportedAttribute, module.Location, module.Kind, layer.Name);
            return null;
        }
        if (moduleRule.ModuleType != layer.TypeName)
            context.Report(DiagnosticDescriptors.LayerTypeMismatch, layer.Location, layer.Name, module.Kind,
                moduleRule.ModuleType!.Replace("global::", string.Empty), layer.TypeName.Replace("global::", string.Empty));

        var steps = new List<StepSpec>();
        long parameters = 0;
        long[]? shape = input;
        foreach (var step in layer.Steps)
        {
            if (!StepCatalog.TryGet(step.Kind, out var rule))
            {
                context.Report(DiagnosticDescriptors.UnsupportedAttribute, step.Location, step.Kind, layer.Name);
                shape = null;
                continue;
            }
            var values = new Dictionary<string, double>();
            var arguments = new List<SpecArgument>();
            bool valid = true;
            foreach (var argumentRule in rule.Arguments)
            {
                double value = argumentRule.Default;
                if (step.Find(argumentRule.Name) is { } given)
                {
                    if (!argumentRule.IsValid(given.Value))
                    {
                        context.Report(DiagnosticDescriptors.InvalidArgument, given.Location,
                            $"{step.Kind} {argumentRule.Name} on '{layer.Name}'", Number(given.Value), argumentRule.Requirement);
                        valid = false;
                    }
                    value = given.Value;
                }
                values[argumentRule.Name] = value;
                arguments.Add(new SpecArgument(argumentRule.Name, value));
            }
            if (!valid || shape is null)
            {
                shape = null;
                continue;
            }
            var result = rule.Infer(new StepDeclarationView(values, step.Dimensions), shape);
            if (result.Output is null)
            {
                context.Report(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeMismatch, step.Location, step.Kind, layer.Name, Shapes.Format(shape), result.Problem!)
                    with { FixKey = result.FixPadding is null ? null : "Padding", FixValue = result.FixPadding?.ToString(CultureInfo.InvariantCulture) });
                shape = null;
                continue;
            }
            steps.Add(new StepSpec(step.Kind, step.IsLayer, new EquatableArray<SpecArgument>(arguments.ToArray()), step.Dimensions,
                new EquatableArray<long>(shape), new EquatableArray<long>(result.Output)));
            parameters += result.Parameters;
            shape = result.Output;
        }
        if (context.ErrorCount > errorsBefore || input is null || shape is null) return null;
        return new LayerSpec(layer.Name, layer.TypeName, layer.Accessibility, new EquatableArray<StepSpec>(steps.ToArray()),
            new EquatableArray<long>(input), new EquatableArray<long>(shape), parameters);
    }

    /// <summary>One score [1] per sample, or with Output = PatchMap a one-channel [1, H, W] map of patch scores.</summary>
    public static void CheckDiscriminatorOutput(NetworkDeclaration discriminator, NetworkSpec spec, ValidationContext context)
    {
        var output = ToArray(spec.OutputShape);
        bool isMap = output.Length == 3 && output[0] == 1;
        var declared = (DiscriminatorOutputKind)context.Enum(Find(discriminator.Arguments, "Output"), "Output", 0, 0, 1);
        if (declared == DiscriminatorOutputKind.PatchMap)
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
            context.Report(isMap ? mismatch with { FixKey = "PatchMap", FixValue = "true" } : mismatch);
        }
    }

    /// <summary>The declared Init, else DCGAN's N(0, 0.02) for convolutional networks (Radford et al. 2015), else TorchSharp's.</summary>
    private static InitKind ResolveInit(NetworkDeclaration network, List<LayerSpec> layers, ValidationContext context)
    {
        if (Find(network.Arguments, "Init") is { } declared)
            return (InitKind)context.Enum(declared, "Init", 0, 0, 4);
        foreach (var layer in layers)
        {
            foreach (var step in layer.Steps)
            {
                if (step.Kind is "Conv2d" or "ConvTranspose2d") return InitKind.Dcgan;
            }
        }
        return InitKind.Default;
    }

    public static SourceSpan LastLayerLocation(NetworkDeclaration network)
    {
        var layer = network.Layers[network.Layers.Count - 1];
        foreach (var step in layer.Steps)
        {
            if (step.IsLayer) return step.Location;
        }
        return layer.Location;
    }

    public static StepDeclaration? LastStepKind(NetworkDeclaration network)
    {
        var steps = network.Layers[network.Layers.Count - 1].Steps;
        return steps.Count == 0 ? null : steps[steps.Count - 1];
    }
}
