using System;
using System.Collections.Generic;
using System.Linq;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Language;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>
/// Everything GanGen knows about one regulariser kind: its attribute (arguments, defaults, ranges), when it fits the
/// rest of the declaration, the runtime object that implements it, and where the trainer calls it. The emitter
/// composes whatever list a declaration has; adding a kind is one subclass plus its attribute.
/// </summary>
internal abstract partial class RegularizerKind
{
    protected const string Runtime = "global::GanGen.Runtime.Regularization.";

    protected RegularizerKind(Type attribute)
    {
        AttributeType = attribute;
        Name = Attributes.ShortName(attribute.Name);
        Arguments = Attributes.RulesOf(attribute);
    }

    public Type AttributeType { get; }

    public string Name { get; }

    public IReadOnlyList<ArgumentRule> Arguments { get; }

    /// <summary>The field name in the generated trainer, e.g. <c>_gradientPenalty</c>.</summary>
    public string Field => "_" + char.ToLowerInvariant(Name[0]) + Name.Substring(1);

    /// <summary>The runtime type that implements it, or null when it only configures the loss or the schedule.</summary>
    public virtual string? RuntimeType => null;

    /// <summary>Whether the runtime object holds native resources the trainer disposes.</summary>
    public virtual bool RuntimeIsDisposable => RuntimeType is not null;

    /// <summary>The constructor call's arguments, e.g. <c>weight: 10.0</c>.</summary>
    public virtual string ConstructorArguments(RegularizerSpec spec) => string.Empty;

    /// <summary>A statement run after the discriminator's backward, before its optimizer step, or null.</summary>
    public virtual string? BeforeDiscriminatorStep(RegularizerSpec spec) => null;

    /// <summary>A statement run after the generator's backward, before its optimizer step, or null.</summary>
    public virtual string? BeforeGeneratorStep(RegularizerSpec spec) => null;

    /// <summary>An expression giving what the discriminator sees instead of <c>samples</c> (owned, or null), or null.</summary>
    public virtual string? DiscriminatorInput(RegularizerSpec spec) => null;

    /// <summary>A member initialiser of the loss object (e.g. <c>FlipProbability = 0.05</c>), or null.</summary>
    public virtual string? LossOption(RegularizerSpec spec) => null;

    /// <summary>Named arguments it adds to the generated <c>Declaration</c> (schedule settings the trainer reads).</summary>
    public virtual IEnumerable<string> DeclarationArguments(RegularizerSpec spec)
    {
        yield break;
    }

    /// <summary>A tensor expression added to the discriminator's loss (inputs: <c>real</c>, <c>fake</c>, scores), or null.</summary>
    public virtual string? DiscriminatorTerm(RegularizerSpec spec) => null;

    /// <summary>A tensor expression added to the generator's loss (inputs: <c>real</c>, <c>fake</c>), or null.</summary>
    public virtual string? GeneratorTerm(RegularizerSpec spec) => null;

    /// <summary>A statement run after each discriminator update, or null.</summary>
    public virtual string? AfterDiscriminatorUpdate(RegularizerSpec spec) => null;

    /// <summary>An expression giving the fake batch the discriminator trains on, from the detached <c>fake</c>, or null.</summary>
    public virtual string? DiscriminatorFakes(RegularizerSpec spec) => null;

    /// <summary>Whether it holds tensors a checkpoint must keep (its runtime type exposes them).</summary>
    public virtual bool HasState => false;

    /// <summary>A one-line summary for the trainer's doc comment.</summary>
    public abstract string Describe(RegularizerSpec spec);

    /// <summary>Reports where it does not fit the rest of the declaration.</summary>
    public virtual void Check(RegularizerUse use, ValidationContext context)
    {
    }
}

/// <summary>What a regulariser's fit is judged against (<paramref name="DataShape"/>: one sample's, null when [GanData] is invalid).</summary>
internal sealed record RegularizerUse(AttributeDeclaration Declaration, GanLoss Loss, GeneratorInput Input, bool Conditioned, IReadOnlyList<AttributeDeclaration> All,
    long[]? DataShape = null)
{
    public bool Has(Type attribute) => All.Any(other => other.AttributeName == attribute.FullName);

    /// <summary>Reports GAN305 when <paramref name="other"/> is declared too.</summary>
    public void Excludes(Type other, string reason, ValidationContext context)
    {
        if (Has(other)) context.Report(DiagnosticDescriptors.ConflictingRegularizers, Declaration.Location, Declaration.Name, Attributes.ShortName(other.Name), reason);
    }

    /// <summary>Reports GAN307 unless the loss is one of <paramref name="losses"/>.</summary>
    public void RequiresLoss(string reason, ValidationContext context, params GanLoss[] losses)
    {
        if (Array.IndexOf(losses, Loss) < 0) context.Report(DiagnosticDescriptors.RegularizerNotApplicable, Declaration.Location, Declaration.Name, reason);
    }
}

/// <summary>Every <see cref="RegularizerKind"/> of the generator assembly, by the metadata name of its attribute.</summary>
internal static class RegularizerCatalog
{
    private static readonly Dictionary<string, RegularizerKind> Kinds = typeof(RegularizerKind).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(RegularizerKind).IsAssignableFrom(type))
        .Select(type => (RegularizerKind)Activator.CreateInstance(type)!)
        .ToDictionary(kind => kind.AttributeType.FullName!, StringComparer.Ordinal);

    public static bool TryGet(string attributeName, out RegularizerKind kind) => Kinds.TryGetValue(attributeName, out kind!);

    public static RegularizerKind Get(string attributeName) => Kinds[attributeName];

    public static IEnumerable<RegularizerKind> All => Kinds.Values;
}
