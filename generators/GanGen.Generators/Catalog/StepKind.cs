using System;
using System.Collections.Generic;
using GanGen.Generators.Language;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>
/// Everything GanGen knows about one layer or operation kind, end to end: its attribute (and through it the
/// arguments, defaults and accepted values), its shape rule, the module it constructs, the forward code, the fields
/// that code needs, its description, and flags the GAN rules ask about. Adding a kind is one subclass plus its
/// attribute; <see cref="StepCatalog"/> finds subclasses by reflection.
/// </summary>
internal abstract partial class StepKind
{
    protected const string Functional = "global::TorchSharp.torch.nn.functional";
    protected const string Forwards = "global::GanGen.Runtime.Networks.Forward";

    protected StepKind(Type attribute)
    {
        AttributeType = attribute;
        Name = Attributes.ShortName(attribute.Name);
        Arguments = Attributes.RulesOf(attribute);
        IsLayer = typeof(LayerAttribute).IsAssignableFrom(attribute);
    }

    public Type AttributeType { get; }

    /// <summary>The kind as written in declarations: "Conv2d".</summary>
    public string Name { get; }

    public IReadOnlyList<ArgumentRule> Arguments { get; }

    /// <summary>A layer owns a module (parameters or state); an operation is a function of its input.</summary>
    public bool IsLayer { get; }

    /// <summary>The TorchSharp module type a layer property must have (null for operations).</summary>
    public virtual string? ModuleType => null;

    /// <summary>A sample's output depends on the other samples of its batch (batch statistics in training mode).</summary>
    public virtual bool CouplesSamples => false;

    /// <summary>A normalisation layer (batch, instance or layer norm).</summary>
    public virtual bool IsNormalization => false;

    /// <summary>Batch normalisation: a bias just before it is cancelled; conditional batch norm modulates it.</summary>
    public virtual bool IsBatchNormalization => false;

    /// <summary>Every output value lies within the range of the input values (reshaping, pooling, upsampling), so an output activation before it still bounds the result.</summary>
    public virtual bool KeepsRange => false;

    /// <summary>A convolution or transposed convolution (DCGAN initialisation by default).</summary>
    public virtual bool IsConvolution => false;

    /// <summary>The output shape and parameter count for <paramref name="input"/>, or why the input cannot be taken.</summary>
    public abstract ShapeResult Infer(StepValues step, long[] input);

    /// <summary>The expression that constructs the layer's module (layers only).</summary>
    public virtual string Construct(StepSpec step, StepSite site) => throw new InvalidOperationException(Name + " is not a layer.");

    /// <summary>The forward expression of the step on <c>x</c>.</summary>
    public abstract ForwardCode Forward(StepSpec step, StepSite site);

    /// <summary>Fields the forward code reads (cached scalars, shape arrays).</summary>
    public virtual IEnumerable<EmittedField> Fields(StepSpec step, StepSite site)
    {
        yield break;
    }

    /// <summary>A layer whose weight spectral normalisation can divide by its largest singular value.</summary>
    public virtual bool HasWeightMatrix => false;

    /// <summary>
    /// The layer's module normalises its own inner weights under [SpectralNorm] (constructed with <c>spectral: true</c>)
    /// and has spectral passes of its own, instead of one SpectralNorm over a single weight.
    /// </summary>
    public virtual bool SpectralNormInside => false;

    /// <summary>Whether the layer's weight keeps its output channels along dimension 1 (transposed convolutions).</summary>
    public virtual bool OutputsAlongSecondDimension => false;

    /// <summary>Applies to the discriminator only (it reads the batch or marks the discriminator's features); used on a generator it is GAN219.</summary>
    public virtual string? DiscriminatorOnlyReason => null;

    /// <summary>The kernel check runs the layer's module (false for layers that compute nothing, such as Identity).</summary>
    public virtual bool HasKernel => IsLayer;

    /// <summary>A merge (Add, Concat, Multiply): its other operand is the node its attribute names.</summary>
    public virtual bool IsMerge => false;

    /// <summary>
    /// What the step's construction and forward code read of its input shape, beyond its arguments: by default the
    /// channels (features) and the rank. Uses of a block whose steps agree on it share one generated class.
    /// </summary>
    public virtual string ConstructionKey(StepSpec step) => $"{step.InputShape[0]}/{step.InputShape.Count}";

    /// <summary>A short description for summaries and XML docs: "Conv2d 1 → 64, k4 s2 p1".</summary>
    public virtual string Describe(StepSpec step) => Name;

    protected static string NoBias(StepSpec step) => step.Bool("Bias") ? string.Empty : " (no bias)";
}

/// <summary>Where a step's code goes: its layer's module field, a unique prefix for its own fields, and whether x is an owned intermediate.</summary>
/// <param name="Module">The layer's module field, e.g. <c>_Down1</c>.</param>
/// <param name="Prefix">A prefix unique to this step for the fields it declares, e.g. <c>Down1</c>.</param>
/// <param name="Fresh">x is an intermediate this forward owns (so in-place ops may overwrite it); false for the caller's input.</param>
/// <param name="ClassConditional">The network modulates its batch norms per class (conditional batch norm).</param>
/// <param name="Spectral">The layer's spectral-norm field when the property declares [SpectralNorm], else null.</param>
/// <param name="Other">A merge's other operand: the variable holding the node it names.</param>
/// <param name="InBlock">The step is in a block, whose ONNX names are prefixed with its use's name.</param>
internal readonly record struct StepSite(string Module, string Prefix, bool Fresh, bool ClassConditional, string? Spectral = null, string? Other = null, bool InBlock = false)
{
    /// <summary>The weight the layer computes with: its own, or its spectrally normalised one.</summary>
    public string? NormalisedWeight => Spectral is null ? null : $"{Spectral}.Weight({Module}.weight!)";

    /// <summary>The per-class scale or shift embedding of a conditional batch norm: <c>_Norm1Scale</c>.</summary>
    public string ClassModule(string suffix) => Module + suffix;
}

/// <summary>One forward statement: an expression producing a new tensor, or one updating x in place (returning x itself).</summary>
internal readonly record struct ForwardCode(string Expression, bool InPlace)
{
    public static ForwardCode New(string expression) => new(expression, false);

    /// <summary>A step that computes nothing where it stands (a marker or a modifier of its layer).</summary>
    public static ForwardCode None { get; } = new(string.Empty, true);

    public bool IsNone => Expression.Length == 0;

    /// <summary>In place on an owned intermediate; out of place on the caller's input, which must not change.</summary>
    public static ForwardCode InPlaceWhenFresh(StepSite site, string inPlace, string outOfPlace) =>
        site.Fresh ? new ForwardCode(inPlace, true) : new ForwardCode(outOfPlace, false);
}

/// <summary>A field a step's forward reads.</summary>
/// <param name="Type">Its C# type.</param>
/// <param name="Name">Its name.</param>
/// <param name="Initializer">The initialiser expression.</param>
/// <param name="IsStatic">Shared by all instances (immutable arrays).</param>
/// <param name="Disposable">Disposed with the module (cached Scalars).</param>
internal readonly record struct EmittedField(string Type, string Name, string Initializer, bool IsStatic, bool Disposable);
