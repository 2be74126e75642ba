using System.Collections.Generic;
using System.Globalization;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// Validate stage: checks a parsed declaration (usage, values, shapes, GAN-specific rules), applies defaults and
/// infers every layer's shape. Produces a spec only when nothing is an error.
/// </summary>
internal static class GanValidator
{
    public static ValidationResult Validate(GanDeclaration declaration)
    {
        var diagnostics = new List<DiagnosticInfo>(declaration.Diagnostics);
        var context = new Context(diagnostics);

        if (!declaration.IsPartial)
            context.Report(DiagnosticDescriptors.NotPartial, declaration.Location, declaration.Name, "trainer");
        if (declaration.NonPartialContainer is { } container)
            context.Report(DiagnosticDescriptors.NotPartial, declaration.Location, container, "nested GAN " + declaration.Name);
        if (declaration.IsGeneric)
            context.Report(DiagnosticDescriptors.GenericNotSupported, declaration.Location, declaration.Name);
        if (declaration.ConflictingBaseType is { } ganBase)
            context.Report(DiagnosticDescriptors.ConflictingBaseType, declaration.Location, declaration.Name, ganBase, "GanTrainer<TGenerator, TDiscriminator>");

        var loss = (LossKind)context.Enum(declaration.Find("Loss"), "Loss", (int)LossKind.NonSaturating, 0, 5);
        var order = (OrderKind)context.Enum(declaration.Find("Order"), "Order", 0, 0, 1);
        int criticSteps = Defaults.CriticSteps(loss);
        if (declaration.Find("CriticSteps") is { } critic)
        {
            if (critic.Value < 1) context.Report(DiagnosticDescriptors.CriticStepsTooSmall, critic.Location, Number(critic.Value));
            else criticSteps = (int)critic.Value;
        }
        double realLabel = 1.0;
        if (declaration.Find("RealLabel") is { } label)
        {
            if (!(label.Value > 0.5 && label.Value <= 1.0)) context.Report(DiagnosticDescriptors.RealLabelOutOfRange, label.Location, Number(label.Value));
            else realLabel = label.Value;
        }
        double penalty = context.Check(declaration.Find("GradientPenalty"), "GradientPenalty", 10.0, v => v >= 0 && !double.IsInfinity(v), "zero or positive");
        double clip = context.Check(declaration.Find("WeightClip"), "WeightClip", 0.01, v => v > 0 && !double.IsInfinity(v), "positive");
        double average = context.Check(declaration.Find("GeneratorAverage"), "GeneratorAverage", 0, v => v >= 0 && v < 1, "in [0, 1), e.g. 0.999");

        long[]? dataShape = null;
        var range = RangeKind.Unbounded;
        if (declaration.Data is null)
        {
            context.Report(DiagnosticDescriptors.MissingData, declaration.AttributeLocation, declaration.Name);
        }
        else
        {
            dataShape = ValidateDataShape(declaration.Data, context);
            range = (RangeKind)context.Enum(declaration.Data.Range, "GanData Range", 0, 0, 2);
        }

        NetworkDeclaration? generator = null, discriminator = null;
        foreach (var network in declaration.Networks)
        {
            ref NetworkDeclaration? slot = ref network.Role == NetworkRole.Generator ? ref generator : ref discriminator;
            if (slot is not null)
                context.Report(DiagnosticDescriptors.DuplicateNetwork, network.Location, declaration.Name, RoleName(network.Role), slot.Name);
            else slot = network;
        }
        if (generator is null) context.Report(DiagnosticDescriptors.MissingGenerator, declaration.Location, declaration.Name);
        if (discriminator is null) context.Report(DiagnosticDescriptors.MissingDiscriminator, declaration.Location, declaration.Name);

        int latentSize = 100;
        var latent = LatentKind.Normal;
        NetworkSpec? generatorSpec = null, discriminatorSpec = null;
        if (generator is not null)
        {
            latentSize = (int)context.Check(Find(generator.Arguments, "Latent"), "Latent", 100, v => v >= 1 && v == System.Math.Floor(v), "a whole number ≥ 1");
            latent = (LatentKind)context.Enum(Find(generator.Arguments, "Distribution"), "Distribution", 0, 0, 1);
            generatorSpec = ValidateNetwork(generator, new long[] { latentSize }, loss, context);
        }
        if (discriminator is not null && dataShape is not null)
            discriminatorSpec = ValidateNetwork(discriminator, dataShape, loss, context);
        else if (discriminator is not null)
            ValidateNetwork(discriminator, null, loss, context);

        if (generatorSpec is not null && dataShape is not null && !Shapes.Equal(ToArray(generatorSpec.OutputShape), dataShape))
            context.Report(DiagnosticDescriptors.GeneratorOutputMismatch, LastLayerLocation(generator!), generator!.Name,
                Shapes.Format(generatorSpec.OutputShape), Shapes.Format(dataShape));
        if (discriminatorSpec is not null)
        {
            CheckDiscriminatorOutput(discriminator!, discriminatorSpec, context);
            if (loss != LossKind.LeastSquares && LastStepKind(discriminator!) is { } last && last.Kind == "Sigmoid")
                context.Report(DiagnosticDescriptors.SigmoidDiscriminator, last.Location, discriminator!.Name, loss.ToString(),
                    loss is LossKind.Minimax or LossKind.NonSaturating ? "logits, with the sigmoid folded into a stable BCE" : "unbounded critic scores");
        }

        int before = diagnostics.Count;
        GanRules.Check(declaration, loss, range, generator, discriminator, diagnostics);
        for (int i = before; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) context.CountError();
        }

        var all = new EquatableArray<DiagnosticInfo>(diagnostics.ToArray());
        if (context.HasErrors || generatorSpec is null || discriminatorSpec is null || dataShape is null)
            return new ValidationResult(null, Recovery.Plan(declaration, all), all);

        var spec = new GanSpec(
            declaration.Namespace, declaration.Containers, declaration.Name, loss, criticSteps, order, realLabel, penalty, clip, average,
            latentSize, latent, new EquatableArray<long>(dataShape), range, generatorSpec, discriminatorSpec);
        return new ValidationResult(spec, null, all);
    }

    private static long[]? ValidateDataShape(DataDeclaration data, Context context)
    {
        if (data.Shape.Count == 0)
        {
            context.Report(DiagnosticDescriptors.InvalidArgument, data.Location, "The [GanData] shape", "empty", "at least one dimension, e.g. [GanData(2)]");
            return null;
        }
        var shape = new long[data.Shape.Count];
        for (int i = 0; i < shape.Length; i++)
        {
            if (data.Shape[i] < 1)
            {
                context.Report(DiagnosticDescriptors.InvalidArgument, data.Location, "[GanData] dimension " + i, data.Shape[i].ToString(CultureInfo.InvariantCulture), "≥ 1");
                return null;
            }
            shape[i] = data.Shape[i];
        }
        return shape;
    }

    private static NetworkSpec? ValidateNetwork(NetworkDeclaration network, long[]? input, LossKind loss, Context context)
    {
        int errorsBefore = context.ErrorCount;
        string role = RoleName(network.Role);
        if (!network.IsPartial) context.Report(DiagnosticDescriptors.NotPartial, network.Location, network.Name, role + " module");
        if (network.IsGeneric) context.Report(DiagnosticDescriptors.GenericNotSupported, network.Location, network.Name);
        if (network.ConflictingBaseType is { } baseType)
            context.Report(DiagnosticDescriptors.ConflictingBaseType, network.Location, network.Name, baseType, "Module<Tensor, Tensor>");

        if (ReservedNames.TrainerMembers.Contains(network.Name))
            context.Report(DiagnosticDescriptors.NetworkNameReserved, network.Location, network.Name);

        var optimizer = ValidateOptimizer(network, loss, context);

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

    private static LayerSpec? ValidateLayer(LayerDeclaration layer, long[]? input, Context context)
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
    private static void CheckDiscriminatorOutput(NetworkDeclaration discriminator, NetworkSpec spec, Context context)
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
            context.Report(DiagnosticDescriptors.DiscriminatorOutputMismatch, LastLayerLocation(discriminator), discriminator.Name, Shapes.Format(output),
                isMap ? ", or declare [GanDiscriminator(Output = DiscriminatorOutput.PatchMap)] to train on its map of patch scores" : "");
        }
    }

    /// <summary>The declared Init, else DCGAN's N(0, 0.02) for convolutional networks (Radford et al. 2015), else TorchSharp's.</summary>
    private static InitKind ResolveInit(NetworkDeclaration network, List<LayerSpec> layers, Context context)
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

    private static OptimizerSpec ValidateOptimizer(NetworkDeclaration network, LossKind loss, Context context)
    {
        if (network.Optimizers.Count > 1)
            context.Report(DiagnosticDescriptors.DuplicateOptimizer, network.Optimizers[1].Location, Capitalize(RoleName(network.Role)), network.Name);
        if (network.Optimizers.Count == 0) return Defaults.For(Defaults.Optimizer(loss), loss);

        var declared = network.Optimizers[0];
        var kind = declared.Kind switch { "RMSprop" => OptimizerKind.RMSprop, "Sgd" => OptimizerKind.Sgd, _ => OptimizerKind.Adam };
        var defaults = Defaults.For(kind, loss);
        string owner = $"{declared.Kind} on '{network.Name}':";
        double learningRate = defaults.LearningRate;
        if (Find(declared.Arguments, "LearningRate") is { } lr)
        {
            if (!(lr.Value > 0) || double.IsInfinity(lr.Value))
                context.Report(DiagnosticDescriptors.BadLearningRate, lr.Location, $"{declared.Kind} on '{network.Name}'", Number(lr.Value));
            else learningRate = lr.Value;
        }
        double beta1 = Beta(declared, "Beta1", defaults.Beta1, context, network.Name);
        double beta2 = Beta(declared, "Beta2", defaults.Beta2, context, network.Name);
        double epsilon = context.Check(Find(declared.Arguments, "Epsilon"), owner + " Epsilon", defaults.Epsilon, v => v > 0, "positive");
        double decay = context.Check(Find(declared.Arguments, "WeightDecay"), owner + " WeightDecay", 0, v => v >= 0 && !double.IsInfinity(v), "zero or positive");
        double alpha = context.Check(Find(declared.Arguments, "Alpha"), owner + " Alpha", defaults.Alpha, v => v >= 0 && v < 1, "in [0, 1)");
        double momentum = context.Check(Find(declared.Arguments, "Momentum"), owner + " Momentum", 0, v => v >= 0 && v < 1, "in [0, 1)");
        return new OptimizerSpec(kind, learningRate, beta1, beta2, epsilon, decay, alpha, momentum);
    }

    private static double Beta(OptimizerDeclaration declared, string name, double fallback, Context context, string network)
    {
        if (Find(declared.Arguments, name) is not { } beta) return fallback;
        if (beta.Value >= 0 && beta.Value < 1) return beta.Value;
        context.Report(DiagnosticDescriptors.BadBeta, beta.Location, $"{name} of {declared.Kind} on '{network}'", Number(beta.Value));
        return fallback;
    }

    private static SourceSpan LastLayerLocation(NetworkDeclaration network)
    {
        var layer = network.Layers[network.Layers.Count - 1];
        foreach (var step in layer.Steps)
        {
            if (step.IsLayer) return step.Location;
        }
        return layer.Location;
    }

    private static StepDeclaration? LastStepKind(NetworkDeclaration network)
    {
        var steps = network.Layers[network.Layers.Count - 1].Steps;
        return steps.Count == 0 ? null : steps[steps.Count - 1];
    }

    private static ArgumentDeclaration? Find(EquatableArray<ArgumentDeclaration> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name == name) return argument;
        }
        return null;
    }

    private static long[] ToArray(EquatableArray<long> values)
    {
        var result = new long[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = values[i];
        return result;
    }

    private static string RoleName(NetworkRole role) => role == NetworkRole.Generator ? "generator" : "discriminator";

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Collects diagnostics and answers value checks with a fallback, so validation continues after an error.</summary>
    private sealed class Context
    {
        private readonly List<DiagnosticInfo> _diagnostics;

        public Context(List<DiagnosticInfo> diagnostics) => _diagnostics = diagnostics;

        public int ErrorCount { get; private set; }

        public bool HasErrors => ErrorCount > 0;

        public void CountError() => ErrorCount++;

        public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan location, params string[] arguments) =>
            Report(DiagnosticInfo.Create(descriptor, location, arguments));

        public void Report(DiagnosticInfo diagnostic)
        {
            _diagnostics.Add(diagnostic);
            if (diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) ErrorCount++;
        }

        public double Check(ArgumentDeclaration? argument, string what, double fallback, System.Func<double, bool> isValid, string requirement)
        {
            if (argument is not { } given) return fallback;
            if (isValid(given.Value)) return given.Value;
            Report(DiagnosticDescriptors.InvalidArgument, given.Location, what, Number(given.Value), requirement);
            return fallback;
        }

        public int Enum(ArgumentDeclaration? argument, string what, int fallback, int min, int max) =>
            (int)Check(argument, what, fallback, v => v >= min && v <= max && v == System.Math.Floor(v), $"one of the named values ({min}–{max})");
    }
}
