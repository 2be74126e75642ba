using GanGen.Generators.Diagnostics;

namespace GanGen.Generators.Model;

// The parse stage's output: what the user wrote, with where they wrote it. Validation turns it into a GanSpec
// (no locations) plus diagnostics, so source output only reruns when the spec itself changes.

/// <summary>One numeric attribute argument (ints, doubles, bools and enums are all read as double).</summary>
internal readonly record struct ArgumentDeclaration(string Name, double Value, SourceSpan Location);

/// <summary>A type that contains the GAN class; the generated code repeats it as a partial declaration.</summary>
internal readonly record struct ContainingType(string Keyword, string Name);

/// <summary>One attribute on a layer property: a layer (Dense, BatchNorm1d, …) or an operation (ReLU, Dropout, …).</summary>
internal sealed record StepDeclaration(string Kind, bool IsLayer, SourceSpan Location, EquatableArray<ArgumentDeclaration> Arguments, EquatableArray<int> Dimensions)
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
    EquatableArray<StepDeclaration> Steps,
    EquatableArray<StepDeclaration> UnknownSteps);

/// <summary>An optimizer attribute on a network.</summary>
internal sealed record OptimizerDeclaration(string Kind, SourceSpan Location, EquatableArray<ArgumentDeclaration> Arguments);

internal enum NetworkRole
{
    Generator,
    Discriminator,
}

/// <summary>A nested class marked [GanGenerator] or [GanDiscriminator].</summary>
internal sealed record NetworkDeclaration(
    NetworkRole Role,
    string Name,
    SourceSpan Location,
    SourceSpan AttributeLocation,
    bool IsPartial,
    bool IsGeneric,
    string? ConflictingBaseType,
    EquatableArray<ArgumentDeclaration> Arguments,
    EquatableArray<OptimizerDeclaration> Optimizers,
    EquatableArray<LayerDeclaration> Layers);

/// <summary>[GanData]: sample shape and value range.</summary>
internal sealed record DataDeclaration(EquatableArray<int> Shape, SourceSpan Location, ArgumentDeclaration? Range);

/// <summary>A class marked [Gan], everything nested in it, and what parsing already found wrong.</summary>
internal sealed record GanDeclaration(
    string? Namespace,
    EquatableArray<ContainingType> Containers,
    string Name,
    SourceSpan Location,
    SourceSpan AttributeLocation,
    bool IsPartial,
    bool IsGeneric,
    string? NonPartialContainer,
    string? ConflictingBaseType,
    EquatableArray<ArgumentDeclaration> Arguments,
    DataDeclaration? Data,
    EquatableArray<NetworkDeclaration> Networks,
    EquatableArray<DiagnosticInfo> Diagnostics)
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
