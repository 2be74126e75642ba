using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic GanGen reports. IDs by category: GAN1xx Usage (how the declaration is written), GAN2xx Topology
/// (layers and shapes), GAN3xx Loss, GAN4xx Optimization. Each has a help page docs/diagnostics/GANxxx.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Usage = "GanGen.Usage";
    private const string Topology = "GanGen.Topology";
    private const string Loss = "GanGen.Loss";
    private const string Optimization = "GanGen.Optimization";

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    internal static string HelpLink(string id) => "https://github.com/gangen/gangen/blob/main/docs/diagnostics/" + id + ".md";

    public static readonly DiagnosticDescriptor NotPartial = Error("GAN101", Usage,
        "GanGen types must be partial",
        "'{0}' must be declared partial so GanGen can generate its {1}; add the 'partial' modifier");

    public static readonly DiagnosticDescriptor GenericNotSupported = Error("GAN102", Usage,
        "GanGen types cannot be generic",
        "'{0}' is generic or nested in a generic type; GanGen generates concrete modules, so declare it in a non-generic type");

    public static readonly DiagnosticDescriptor ConflictingBaseType = Error("GAN103", Usage,
        "GanGen types cannot declare a base class",
        "'{0}' derives from '{1}', but GanGen generates its base class ({2}); remove the base class");

    public static readonly DiagnosticDescriptor MissingData = Error("GAN104", Usage,
        "GAN has no data shape",
        "GAN '{0}' needs [GanData(...)] with the shape of one sample, e.g. [GanData(2)] for 2-D points or [GanData(1, 28, 28)] for images");

    public static readonly DiagnosticDescriptor InvalidArgument = Error("GAN105", Usage,
        "Argument out of range",
        "{0} is {1}, but it must be {2}");

    public static readonly DiagnosticDescriptor LayerNotPartialProperty = Error("GAN106", Usage,
        "Layers must be partial get-only instance properties",
        "Layer '{0}' must be declared as a partial, non-static property with only a getter (e.g. 'public partial Linear {0} {{ get; }}'), which GanGen implements");

    public static readonly DiagnosticDescriptor LayerTypeMismatch = Error("GAN107", Usage,
        "Layer property type does not match its layer",
        "Layer '{0}' is declared [{1}], so its type must be '{2}', not '{3}'");

    public static readonly DiagnosticDescriptor UnsupportedAttribute = Error("GAN108", Usage,
        "Unsupported layer attribute",
        "[{0}] on '{1}' is not a layer GanGen knows; use one of the attributes in the GanGen namespace");

    public static readonly DiagnosticDescriptor NetworkNameReserved = Error("GAN109", Usage,
        "Network name clashes with a trainer member",
        "Network '{0}' has the name of a member every GAN trainer has ('{0}'); rename the class, e.g. '{0}Network'");

    public static readonly DiagnosticDescriptor LayerNameReserved = Error("GAN110", Usage,
        "Layer name is reserved",
        "Layer '{0}' has the name of a member GanGen generates on every network; rename the property, e.g. '{0}Layer'");

    public static readonly DiagnosticDescriptor MissingGenerator = Error("GAN201", Topology,
        "GAN has no generator",
        "GAN '{0}' has no generator; nest a partial class marked [GanGenerator] in it");

    public static readonly DiagnosticDescriptor MissingDiscriminator = Error("GAN202", Topology,
        "GAN has no discriminator",
        "GAN '{0}' has no discriminator; nest a partial class marked [GanDiscriminator] in it");

    public static readonly DiagnosticDescriptor DuplicateNetwork = Error("GAN203", Topology,
        "GAN has more than one network of a role",
        "GAN '{0}' already has {1} '{2}'; a GAN has exactly one generator and one discriminator");

    public static readonly DiagnosticDescriptor EmptyNetwork = Error("GAN204", Topology,
        "Network has no layers",
        "{0} '{1}' has no layers; declare partial properties with layer attributes, e.g. [Dense(128), ReLU] public partial Linear Hidden1 {{ get; }}");

    public static readonly DiagnosticDescriptor LayerCount = Error("GAN205", Topology,
        "A layer property needs exactly one layer attribute",
        "'{0}' has {1} layer attributes; put exactly one layer ([Dense], [BatchNorm1d], [LayerNorm]) on each property, with any operations ([ReLU], [Dropout], …) beside it");

    public static readonly DiagnosticDescriptor ShapeMismatch = Error("GAN206", Topology,
        "Layer cannot take its input shape",
        "{0} '{1}' cannot take input {2}: {3}");

    public static readonly DiagnosticDescriptor GeneratorOutputMismatch = Error("GAN207", Topology,
        "Generator output does not match the data shape",
        "Generator '{0}' produces {1} per sample, but [GanData] declares {2}; make its last layer output {2}");

    public static readonly DiagnosticDescriptor DiscriminatorOutputMismatch = Error("GAN208", Topology,
        "Discriminator must end in one score per sample",
        "Discriminator '{0}' produces {1} per sample, but it must produce one score [1]; end it with [Dense(1)]{2}");

    public static readonly DiagnosticDescriptor PatchMapOutputMismatch = Error("GAN210", Topology,
        "Patch-map discriminator must end in a one-channel map",
        "Discriminator '{0}' declares Output = DiscriminatorOutput.PatchMap, so it must produce a [1, H, W] map of patch scores per sample, but it produces {1}; {2}");

    public static readonly DiagnosticDescriptor SigmoidDiscriminator = Error("GAN301", Loss,
        "Discriminator ends in Sigmoid",
        "Discriminator '{0}' ends in Sigmoid, but the {1} loss takes raw scores ({2}); remove the trailing [Sigmoid]");

    public static readonly DiagnosticDescriptor BatchNormWithGradientPenalty = Warning("GAN302", Loss,
        "BatchNorm in a gradient-penalty critic",
        "Critic '{0}' uses BatchNorm1d in '{1}', but the gradient penalty is defined per sample and batch normalisation couples samples (Gulrajani et al. 2017, §4); use [LayerNorm] or no normalisation");

    public static readonly DiagnosticDescriptor OptionForOtherLoss = Error("GAN303", Loss,
        "Option does not apply to the declared loss",
        "{0} applies only to the {1} loss, but the declared loss is {2}; remove it or change Loss (weight clipping and a gradient penalty are alternatives, not a combination)");

    public static readonly DiagnosticDescriptor OutputRangeMismatch = Warning("GAN304", Loss,
        "Generator output does not match the data range",
        "Generator '{0}' ends in {1}, but [GanData] declares Range = {2}, which needs a final [{3}]; fake and real samples would live in different ranges");

    public static readonly DiagnosticDescriptor BatchNormOnDiscriminatorInput = Warning("GAN305", Topology,
        "BatchNorm on the discriminator's first layer",
        "Discriminator '{0}' normalises its first layer '{1}' with BatchNorm; DCGAN (Radford et al. 2015) leaves the discriminator's input layer unnormalised, which avoids sample oscillation and instability");

    public static readonly DiagnosticDescriptor BiasBeforeBatchNorm = Warning("GAN306", Topology,
        "Bias before BatchNorm is redundant",
        "'{0}' adds a bias that the following BatchNorm '{1}' subtracts again; declare it with Bias = false");

    public static readonly DiagnosticDescriptor DuplicateLayerName = Error("GAN209", Topology,
        "Duplicate layer name",
        "{0} '{1}' already has a layer named '{2}'; layer names become parameter names ({2}.weight) and must be unique");

    public static readonly DiagnosticDescriptor CriticStepsTooSmall = Error("GAN401", Optimization,
        "CriticSteps must be at least 1",
        "CriticSteps is {0}; the discriminator must update at least once per generator update (use 1, or 5 for WGAN)");

    public static readonly DiagnosticDescriptor RealLabelOutOfRange = Error("GAN402", Optimization,
        "Real label outside (0.5, 1]",
        "RealLabel is {0}; one-sided label smoothing needs a real target in (0.5, 1], e.g. 0.9");

    public static readonly DiagnosticDescriptor BadLearningRate = Error("GAN403", Optimization,
        "Learning rate must be positive",
        "{0} learning rate is {1}; it must be a positive number (e.g. 2e-4)");

    public static readonly DiagnosticDescriptor BadBeta = Error("GAN404", Optimization,
        "Adam betas must lie in [0, 1)",
        "{0} is {1}; Adam's decay rates must lie in [0, 1) (DCGAN uses β1 = 0.5, β2 = 0.999)");

    public static readonly DiagnosticDescriptor DuplicateOptimizer = Error("GAN405", Optimization,
        "More than one optimizer on a network",
        "{0} '{1}' declares more than one optimizer; keep one of [Adam], [RMSprop], [Sgd]");
}
