namespace GanGen.Generators.Model;

// The parse stage's output: what the user wrote, with where they wrote it. Validation turns it into a GanSpec
// (no locations) plus diagnostics, so source output only reruns when the spec itself changes.

/// <summary>One numeric attribute argument (ints, doubles, bools and enums are all read as double).</summary>
internal readonly record struct ArgumentDeclaration(string Name, double Value, SourceSpan Location);

/// <summary>A type that contains the GAN class; the generated code repeats it as a partial declaration.</summary>
internal readonly record struct ContainingType(string Keyword, string Name);

/// <summary>A declaration attribute: its metadata name, the name written in source, where, and its arguments.</summary>
/// <param name="AttributeName">Metadata name, e.g. "GanGen.Conv2dAttribute": the key of the catalogs.</param>
/// <param name="Name">As written without "Attribute", e.g. "Conv2d", for messages.</param>
internal sealed record AttributeDeclaration(string AttributeName, string Name, SourceSpan Location, EquatableArray<ArgumentDeclaration> Arguments)
{
    public ArgumentDeclaration? Find(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name) return argument;
        }
        return null;
    }
}

/// <summary>A node named in a declaration (<c>[From(nameof(Stem))]</c>, <c>[Add(Node.Input)]</c>) and where.</summary>
internal readonly record struct NodeReference(string Name, SourceSpan Location);

/// <summary>One attribute on a layer property: a layer (Dense, BatchNorm1d, …) or an operation (ReLU, Dropout, …).</summary>
/// <param name="IsKnown">Declared by GanGen (attributes derived elsewhere have no catalog entry).</param>
/// <param name="Reference">For a merge (Add, Concat, Multiply): the node it merges with.</param>
internal sealed record StepDeclaration(AttributeDeclaration Attribute, bool IsLayer, bool IsKnown, EquatableArray<int> Dimensions, NodeReference? Reference = null)
{
    public string Name => Attribute.Name;

    public SourceSpan Location => Attribute.Location;
}

/// <summary>
/// A partial property with GanGen attributes, or whose type is a [GanBlock] class: one named node of a network or block.
/// </summary>
/// <param name="From">[From(...)]: the node it reads instead of the previous one.</param>
/// <param name="Block">Its type's [GanBlock] declaration, when it is a block node (its steps are then operations after the block).</param>
/// <param name="BlockCycle">Its type is a block that contains itself, directly or through other blocks.</param>
internal sealed record LayerDeclaration(
    string Name,
    SourceSpan Location,
    string TypeName,
    bool TypeIsKnown,
    string Accessibility,
    bool IsPartialDefinition,
    bool IsImplemented,
    bool IsStatic,
    bool HasGetter,
    bool HasSetter,
    EquatableArray<StepDeclaration> Steps,
    NodeReference? From = null,
    BlockDeclaration? Block = null,
    bool BlockCycle = false);

/// <summary>A class marked [GanBlock], as a node's type: its own layer properties, and where it is declared (its file re-opens that).</summary>
/// <param name="TypeName">Fully qualified, as a property type names it: <c>global::Demo.ResGan.ResBlock</c>.</param>
internal sealed record BlockDeclaration(
    string Name,
    string TypeName,
    SourceSpan Location,
    bool IsPartial,
    bool IsGeneric,
    string? BaseType,
    string? Namespace,
    EquatableArray<ContainingType> Containers,
    EquatableArray<LayerDeclaration> Layers);

/// <summary>An optimizer attribute on a network.</summary>
internal sealed record OptimizerDeclaration(OptimizerKind Kind, AttributeDeclaration Attribute);

internal enum NetworkRole
{
    Generator,
    Discriminator,
}

/// <summary>A nested class marked [GanGenerator] or [GanDiscriminator].</summary>
/// <param name="Markers">The role attributes found on its parts; more than one is a mistake GanGen names itself.</param>
/// <param name="BaseType">The base class written in source, if any.</param>
internal sealed record NetworkDeclaration(
    NetworkRole Role,
    string Name,
    SourceSpan Location,
    AttributeDeclaration Marker,
    EquatableArray<SourceSpan> Markers,
    bool IsPartial,
    bool IsGeneric,
    string? BaseType,
    EquatableArray<OptimizerDeclaration> Optimizers,
    EquatableArray<LayerDeclaration> Layers);

/// <summary>[GanData]: sample shape, and its named arguments.</summary>
internal sealed record DataDeclaration(EquatableArray<int> Shape, AttributeDeclaration Attribute);

/// <summary>A class marked [Gan], everything nested in it, and the regularisers beside it.</summary>
internal sealed record GanDeclaration(
    string? Namespace,
    EquatableArray<ContainingType> Containers,
    string Name,
    SourceSpan Location,
    AttributeDeclaration Gan,
    bool IsPartial,
    bool IsGeneric,
    string? NonPartialContainer,
    string? ConflictingBaseType,
    DataDeclaration? Data,
    EquatableArray<AttributeDeclaration> Regularizers,
    EquatableArray<NetworkDeclaration> Networks);
