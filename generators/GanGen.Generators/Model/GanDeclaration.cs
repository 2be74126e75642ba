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

/// <summary>One attribute on a layer property: a layer (Dense, BatchNorm1d, …) or an operation (ReLU, Dropout, …).</summary>
/// <param name="IsKnown">Declared by GanGen (attributes derived elsewhere have no catalog entry).</param>
internal sealed record StepDeclaration(AttributeDeclaration Attribute, bool IsLayer, bool IsKnown, EquatableArray<int> Dimensions)
{
    public string Name => Attribute.Name;

    public SourceSpan Location => Attribute.Location;
}

/// <summary>A partial property with GanGen attributes: one named layer of a network.</summary>
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
    EquatableArray<StepDeclaration> Steps);

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
