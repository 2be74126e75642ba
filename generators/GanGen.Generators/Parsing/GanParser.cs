using System.Collections.Generic;
using System.Threading;
using GanGen.Generators.Language;
using GanGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanGen.Generators.Parsing;

/// <summary>
/// Parse stage: reads a [Gan] class and everything nested in it into a <see cref="GanDeclaration"/>. It reports only
/// what it cannot represent; every rule about values and shapes lives in the validator.
/// </summary>
internal static class GanParser
{
    public static GanDeclaration? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol gan || context.TargetNode is not TypeDeclarationSyntax node) return null;
        if (context.Attributes.Length == 0) return null;
        var location = SourceSpan.Of(node.Identifier);
        var ganAttribute = Attribute(context.Attributes[0], location);

        var containers = new List<ContainingType>();
        string? nonPartialContainer = null;
        bool generic = gan.IsGenericType;
        for (var outer = gan.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            generic |= outer.IsGenericType;
            if (!IsPartial(outer)) nonPartialContainer ??= outer.Name;
            containers.Insert(0, new ContainingType(Keyword(outer), outer.Name));
        }

        DataDeclaration? data = null;
        var regularizers = new List<AttributeDeclaration>();
        foreach (var attribute in gan.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type) continue;
            if (type.ToDisplayString() == Attributes.Data)
                data = new DataDeclaration(AttributeArguments.ReadIntArray(attribute), Attribute(attribute, ganAttribute.Location));
            else if (DerivesFrom(type, Attributes.RegularizerBase))
                regularizers.Add(Attribute(attribute, ganAttribute.Location));
        }

        var networks = new List<NetworkDeclaration>();
        foreach (var member in gan.GetTypeMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var network = ParseNetwork(member, location, cancellationToken);
            if (network is not null) networks.Add(network);
        }

        string? ns = gan.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        return new GanDeclaration(
            ns,
            new EquatableArray<ContainingType>(containers.ToArray()),
            gan.Name,
            location,
            ganAttribute,
            IsPartial(gan),
            generic,
            nonPartialContainer,
            gan.BaseType is { SpecialType: not SpecialType.System_Object } baseType ? baseType.ToDisplayString() : null,
            data,
            new EquatableArray<AttributeDeclaration>(regularizers.ToArray()),
            new EquatableArray<NetworkDeclaration>(networks.ToArray()));
    }

    private static NetworkDeclaration? ParseNetwork(INamedTypeSymbol type, SourceSpan ganLocation, CancellationToken cancellationToken)
    {
        AttributeDeclaration? marker = null;
        var markers = new List<SourceSpan>();
        NetworkRole role = NetworkRole.Generator;
        var optimizers = new List<OptimizerDeclaration>();
        var declaration = FirstDeclaration(type);
        var location = declaration is null ? ganLocation : SourceSpan.Of(declaration.Identifier);
        foreach (var attribute in type.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name is null) continue;
            if (name == Attributes.Generator || name == Attributes.Discriminator)
            {
                var found = Attribute(attribute, location);
                markers.Add(found.Location);
                if (marker is not null) continue;
                marker = found;
                role = name == Attributes.Generator ? NetworkRole.Generator : NetworkRole.Discriminator;
            }
            else if (Attributes.Optimizers.TryGetValue(name, out var kind))
            {
                optimizers.Add(new OptimizerDeclaration(kind, Attribute(attribute, location)));
            }
        }
        if (marker is null) return null;

        var layers = new List<LayerDeclaration>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IPropertySymbol property)
            {
                var layer = ParseLayer(property, location);
                if (layer is not null) layers.Add(layer);
            }
        }

        return new NetworkDeclaration(
            role,
            type.Name,
            location,
            marker,
            new EquatableArray<SourceSpan>(markers.ToArray()),
            IsPartial(type),
            type.Arity > 0,
            type.BaseType is { SpecialType: not SpecialType.System_Object } baseType ? baseType.ToDisplayString() : null,
            new EquatableArray<OptimizerDeclaration>(optimizers.ToArray()),
            new EquatableArray<LayerDeclaration>(layers.ToArray()));
    }

    private static LayerDeclaration? ParseLayer(IPropertySymbol property, SourceSpan fallback)
    {
        var steps = new List<StepDeclaration>();
        foreach (var attribute in property.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null) continue;
            bool isLayer = DerivesFrom(attributeClass, Attributes.LayerBase);
            bool isOperation = !isLayer && DerivesFrom(attributeClass, Attributes.OperationBase);
            if (!isLayer && !isOperation) continue;
            // Attributes derived outside GanGen have no catalog entry; the validator reports them.
            bool known = attributeClass.ContainingNamespace?.ToDisplayString() == KnownNames.Namespace;
            steps.Add(new StepDeclaration(Attribute(attribute, fallback), isLayer, known, AttributeArguments.ReadIntArray(attribute)));
        }
        if (steps.Count == 0) return null;

        var syntax = property.DeclaringSyntaxReferences.Length > 0
            ? property.DeclaringSyntaxReferences[0].GetSyntax() as PropertyDeclarationSyntax
            : null;
        var location = syntax is null ? fallback : SourceSpan.Of(syntax.Identifier);
        return new LayerDeclaration(
            property.Name,
            location,
            property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            property.Type.TypeKind != TypeKind.Error,
            WrittenAccessibility(syntax),
            property.IsPartialDefinition,
            property.PartialImplementationPart is not null,
            property.IsStatic,
            property.GetMethod is not null,
            property.SetMethod is not null,
            new EquatableArray<StepDeclaration>(steps.ToArray()));
    }

    /// <summary>An attribute application: metadata name, short name, location and numeric arguments.</summary>
    private static AttributeDeclaration Attribute(AttributeData attribute, SourceSpan fallback)
    {
        var location = AttributeArguments.LocationOf(attribute, fallback);
        string metadataName = attribute.AttributeClass?.ToDisplayString() ?? string.Empty;
        string name = Attributes.ShortName(attribute.AttributeClass?.Name ?? string.Empty);
        return new AttributeDeclaration(metadataName, name, location, AttributeArguments.Read(attribute, location));
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == baseName) return true;
        }
        return false;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        if (type.DeclaringSyntaxReferences.Length == 0) return false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                return false;
        }
        return true;
    }

    private static TypeDeclarationSyntax? FirstDeclaration(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 ? type.DeclaringSyntaxReferences[0].GetSyntax() as TypeDeclarationSyntax : null;

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    /// <summary>
    /// The accessibility keywords exactly as written (possibly none): C# requires the implementing part of a partial
    /// property to repeat them, and an explicit 'private' does not match an omitted one (CS8799).
    /// </summary>
    private static string WrittenAccessibility(PropertyDeclarationSyntax? syntax)
    {
        if (syntax is null) return string.Empty;
        var keywords = new List<string>();
        foreach (var modifier in syntax.Modifiers)
        {
            if (modifier.IsKind(SyntaxKind.PublicKeyword) || modifier.IsKind(SyntaxKind.InternalKeyword) ||
                modifier.IsKind(SyntaxKind.ProtectedKeyword) || modifier.IsKind(SyntaxKind.PrivateKeyword))
                keywords.Add(modifier.ValueText);
        }
        return string.Join(" ", keywords);
    }
}
