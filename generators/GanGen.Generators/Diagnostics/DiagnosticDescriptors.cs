using GanGen.CodeFixes;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic GanGen reports. IDs by category: GAN1xx Usage (how the declaration is written), GAN2xx Topology
/// (networks, layers, shapes and conditioning), GAN3xx Loss (the loss and its regularisers), GAN4xx Optimization.
/// Each has a help page docs/diagnostics/GANxxx.md, a row in AnalyzerReleases and in the docs index (a test checks).
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

    public static readonly DiagnosticDescriptor NotPartial = Error(DiagnosticIds.NotPartial, Usage,
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

    public static readonly DiagnosticDescriptor DuplicateRoleAttribute = Error("GAN111", Usage,
        "Network role declared twice",
        "'{0}' is marked [{1}] on more than one of its partial declarations; keep the attribute on one part only");

    public static readonly DiagnosticDescriptor IgnoredArgument = Warning("GAN112", Usage,
        "Argument has no effect",
        "{0} has no effect {1}; remove it");

    public static readonly DiagnosticDescriptor UnusualArgument = Warning("GAN113", Usage,
        "Argument outside its usual range",
        "{0} is {1}, outside the usual {2}: {3}");

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
        "'{0}' has {1} layer attributes; put exactly one layer ([Dense], [Conv2d], [BatchNorm2d], …) on each property, with any operations ([ReLU], [Dropout], …) beside it");

    public static readonly DiagnosticDescriptor ShapeMismatch = Error(DiagnosticIds.ShapeMismatch, Topology,
        "Layer cannot take its input shape",
        "{0} '{1}' cannot take input {2}: {3}");

    public static readonly DiagnosticDescriptor GeneratorOutputMismatch = Error("GAN207", Topology,
        "Generator output does not match the data shape",
        "Generator '{0}' produces {1} per sample, but [GanData] declares {2}; make its last layer output {2}");

    public static readonly DiagnosticDescriptor DiscriminatorOutputMismatch = Error(DiagnosticIds.DiscriminatorOutputMismatch, Topology,
        "Discriminator must end in one score per sample",
        "Discriminator '{0}' produces {1} per sample, but it must produce one score [1]; end it with [Dense(1)]{2}");

    public static readonly DiagnosticDescriptor DuplicateLayerName = Error("GAN209", Topology,
        "Duplicate layer name",
        "{0} '{1}' already has a layer named '{2}'; layer names become parameter names ({2}.weight) and must be unique");

    public static readonly DiagnosticDescriptor PatchMapOutputMismatch = Error("GAN210", Topology,
        "Patch-map discriminator must end in a one-channel map",
        "Discriminator '{0}' declares Output = DiscriminatorOutput.PatchMap, so it must produce a [1, H, W] map of patch scores per sample, but it produces {1}; {2}");

    public static readonly DiagnosticDescriptor BatchNormOnDiscriminatorInput = Warning("GAN211", Topology,
        "BatchNorm on the discriminator's first layer",
        "Discriminator '{0}' batch-normalises the output of its input layer in '{1}'; DCGAN (Radford et al. 2015) leaves the discriminator's input layer unnormalised, which avoids sample oscillation and instability");

    public static readonly DiagnosticDescriptor BiasBeforeBatchNorm = Warning(DiagnosticIds.BiasBeforeBatchNorm, Topology,
        "Bias before BatchNorm is redundant",
        "'{0}' adds a bias that the following BatchNorm '{1}' subtracts again; declare it with Bias = false");

    public static readonly DiagnosticDescriptor ConditionWithoutClasses = Error("GAN213", Topology,
        "Conditioning without labelled data",
        "'{0}' declares Condition = Conditioning.{1}, but [GanData] declares no classes; add Classes = <number of classes> to [GanData]");

    public static readonly DiagnosticDescriptor ConditionNotSupported = Error("GAN214", Topology,
        "Conditioning does not fit this network",
        "'{0}' cannot be conditioned with {1}: {2}");

    public static readonly DiagnosticDescriptor ConditionNeedsBatchNorm = Error("GAN215", Topology,
        "Conditional batch norm without batch norm",
        "'{0}' declares Condition = Conditioning.BatchNorm, but has no [BatchNorm1d] or [BatchNorm2d] layer whose scale and shift the label could set; add one or use Conditioning.Embedding");

    public static readonly DiagnosticDescriptor OneSidedCondition = Warning("GAN216", Topology,
        "Only one network sees the label",
        "'{0}' is conditioned on the label but '{1}' is not: {2}");

    public static readonly DiagnosticDescriptor LabelsUnused = Warning("GAN217", Topology,
        "Labelled data, unconditioned networks",
        "[GanData] declares {0} classes, but neither '{1}' nor '{2}' declares a Condition, so the labels are never used; {3}");

    public static readonly DiagnosticDescriptor UnreadInput = Warning(DiagnosticIds.UnreadInput, Topology,
        "Strided window leaves real input unread",
        "{0} '{1}' on input {2}: {3}");

    public static readonly DiagnosticDescriptor StepNotApplicable = Error("GAN219", Topology,
        "Layer or operation does not apply here",
        "[{0}] on '{1}' does not apply: {2}");

    public static readonly DiagnosticDescriptor UnknownNode = Error("GAN230", Topology,
        "Reference to a node that does not exist",
        "[{0}] on '{1}' names '{2}', but {3} has no such node; name one of its nodes with nameof ({4}) or Node.Input");

    public static readonly DiagnosticDescriptor LaterNode = Error("GAN231", Topology,
        "Reference to a node that is not computed yet",
        "[{0}] on '{1}' names '{2}', {3}; a node reads only its input and earlier nodes, so a network has no cycle: declare '{2}' before '{1}' or name an earlier node");

    public static readonly DiagnosticDescriptor UnusedNode = Warning("GAN232", Topology,
        "Node whose output nothing reads",
        "Nothing reads the output of '{0}' in {1}: the next node reads {2} and no merge names '{0}', so its weights never train; remove it, or read it with [From(nameof({0}))] or a merge");

    public static readonly DiagnosticDescriptor BlockContainsItself = Error("GAN233", Topology,
        "Block contains itself",
        "'{0}' is a {1}, which contains '{0}' again through its own nodes; a block cannot contain itself, directly or through other blocks");

    public static readonly DiagnosticDescriptor BlockUsesDiffer = Error("GAN234", Topology,
        "Uses of a block construct different layers",
        "Block '{0}' is used as '{1}' {2}, but as '{3}' {4}; one block class builds one set of layers, so declare another [GanBlock] class for the other use");

    public static readonly DiagnosticDescriptor BlockNodeTakesOperations = Error("GAN235", Topology,
        "A block node takes operations only",
        "'{0}' is a {1} block; it takes operations after the block ([ReLU], [Add(...)], …), not the layer [{2}]: put layers inside the block or on a node of their own");

    public static readonly DiagnosticDescriptor SigmoidDiscriminator = Error(DiagnosticIds.SigmoidDiscriminator, Loss,
        "Discriminator ends in Sigmoid",
        "Discriminator '{0}' ends in Sigmoid, but the {1} loss takes raw scores ({2}); remove the trailing [Sigmoid]");

    public static readonly DiagnosticDescriptor BatchNormWithGradientPenalty = Warning("GAN302", Loss,
        "Batch statistics in a gradient-penalty critic",
        "Critic '{0}' uses {1} in '{2}', but the gradient penalty is defined per sample and batch normalisation couples samples (Gulrajani et al. 2017, §4); use [LayerNorm] or no normalisation");

    public static readonly DiagnosticDescriptor OptionForOtherLoss = Error("GAN303", Loss,
        "Option does not apply to the declared loss",
        "{0} applies only to the {1} loss, but the declared loss is {2}; remove it or change Loss");

    public static readonly DiagnosticDescriptor OutputRangeMismatch = Warning("GAN304", Loss,
        "Generator output does not match the data range",
        "Generator '{0}' ends in {1}, but [GanData] declares Range = {2}, which needs a final [{3}]; fake and real samples would live in different ranges");

    public static readonly DiagnosticDescriptor ConflictingRegularizers = Error("GAN305", Loss,
        "Regularisers that exclude each other",
        "[{0}] and [{1}] cannot be combined: {2}; keep one");

    public static readonly DiagnosticDescriptor UnconstrainedCritic = Warning("GAN306", Loss,
        "Wasserstein critic without a Lipschitz constraint",
        "'{0}' trains a Wasserstein critic without a constraint, so its scores and gradients can grow without bound; add [GradientPenalty] (WGAN-GP) or [WeightClip] (WGAN), or [SpectralNorm] on every weighted layer of the critic");

    public static readonly DiagnosticDescriptor RegularizerNotApplicable = Error("GAN307", Loss,
        "Regulariser does not apply to this GAN",
        "[{0}] does not apply here: {1}");

    public static readonly DiagnosticDescriptor OutputFightsLoss = Warning("GAN308", Loss,
        "Discriminator's output activation fights the loss",
        "Discriminator '{0}' ends in {1}, which keeps its scores {2}, but the {3} loss needs {4}; remove the trailing [{1}]");

    public static readonly DiagnosticDescriptor MomentumWithWeightClip = Warning("GAN402", Optimization,
        "Momentum optimizer on a weight-clipped critic",
        "{0} '{1}' uses {2} with momentum ({3}) while [WeightClip] clips the critic; Arjovsky et al. (2017, §3) found WGAN training unstable with momentum-based optimizers such as Adam and used RMSprop; declare [RMSprop] or set {4} = 0");

    public static readonly DiagnosticDescriptor DuplicateOptimizer = Error("GAN401", Optimization,
        "More than one optimizer on a network",
        "{0} '{1}' declares more than one optimizer; keep one of [Adam], [RMSprop], [Sgd]");
}
