using System.Collections.Generic;
using System.Threading;
using GanGen.Generators.Diagnostics;
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
        var ganAttribute = context.Attributes[0];
        var location = SourceSpan.Of(node.Identifier);
        var attributeLocation = AttributeArguments.LocationOf(ganAttribute, location);
        var diagnostics = new List<DiagnosticInfo>();

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
        var networks = new List<NetworkDeclaration>();
        foreach (var attribute in gan.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != KnownNames.DataAttribute) continue;
            var dataLocation = AttributeArguments.LocationOf(attribute, attributeLocation);
            ArgumentDeclaration? range = null;
            foreach (var argument in AttributeArguments.Read(attribute, dataLocation))
            {
                if (argument.Name == "Range") range = argument;
            }
            data = new DataDeclaration(AttributeArguments.ReadIntArray(attribute), dataLocation, range);
        }

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
            attributeLocation,
            IsPartial(gan),
            generic,
            nonPartialContainer,
            ConflictingBase(gan, allowed: null),
            AttributeArguments.Read(ganAttribute, attributeLocation),
            data,
            new EquatableArray<NetworkDeclaration>(networks.ToArray()),
            new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    private static NetworkDeclaration? ParseNetwork(INamedTypeSymbol type, SourceSpan ganLocation, CancellationToken cancellationToken)
    {
        AttributeData? marker = null;
        NetworkRole role = NetworkRole.Generator;
        var optimizers = new List<OptimizerDeclaration>();
        var declaration = FirstDeclaration(type);
        var location = declaration is null ? ganLocation : SourceSpan.Of(declaration.Identifier);
        foreach (var attribute in type.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            switch (name)
            {
                case KnownNames.GeneratorAttribute:
                    marker = attribute;
                    role = NetworkRole.Generator;
                    break;
                case KnownNames.DiscriminatorAttribute:
                    marker = attribute;
                    role = NetworkRole.Discriminator;
                    break;
                case KnownNames.AdamAttribute:
                case KnownNames.RMSpropAttribute:
                case KnownNames.SgdAttribute:
                    var optimizerLocation = AttributeArguments.LocationOf(attribute, location);
                    string kind = attribute.AttributeClass!.Name.Substring(0, attribute.AttributeClass.Name.Length - "Attribute".Length);
                    optimizers.Add(new OptimizerDeclaration(kind, optimizerLocation, AttributeArguments.Read(attribute, optimizerLocation)));
                    break;
            }
        }
        if (marker is null) return null;
        var attributeLocation = AttributeArguments.LocationOf(marker, location);

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
            attributeLocation,
            IsPartial(type),
            type.Arity > 0,
            ConflictingBase(type, allowed: "TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>"),
            AttributeArguments.Read(marker, attributeLocation),
            new EquatableArray<OptimizerDeclaration>(optimizers.ToArray()),
            new EquatableArray<LayerDeclaration>(layers.ToArray()));
    }

    private static LayerDeclaration? ParseLayer(IPropertySymbol property, SourceSpan fallback)
    {
        var steps = new List<StepDeclaration>();
        var unknown = new List<StepDeclaration>();
        foreach (var attribute in property.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null) continue;
            bool isLayer = DerivesFrom(attributeClass, KnownNames.LayerAttributeBase);
            bool isOperation = !isLayer && DerivesFrom(attributeClass, KnownNames.OperationAttributeBase);
            if (!isLayer && !isOperation) continue;
            var stepLocation = AttributeArguments.LocationOf(attribute, fallback);
            string kind = attributeClass.Name.EndsWith("Attribute")
                ? attributeClass.Name.Substring(0, attributeClass.Name.Length - "Attribute".Length)
                : attributeClass.Name;
            var step = new StepDeclaration(kind, isLayer, stepLocation, AttributeArguments.Read(attribute, stepLocation), AttributeArguments.ReadIntArray(attribute));
            // Attributes derived outside GanGen have no shape rule or emitter; the validator reports them.
            if (attributeClass.ContainingNamespace?.ToDisplayString() == KnownNames.Namespace) steps.Add(step);
            else unknown.Add(step);
        }
        if (steps.Count == 0 && unknown.Count == 0) return null;

        var syntax = property.DeclaringSyntaxReferences.Length > 0
            ? property.DeclaringSyntaxReferences[0].GetSyntax() as PropertyDeclarationSyntax
            : null;
        var location = syntax is null ? fallback : SourceSpan.Of(syntax.Identifier);
        bool isPartialDefinition = property.IsPartialDefinition;
        return new LayerDeclaration(
            property.Name,
            location,
            property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            property.Type.TypeKind != TypeKind.Error,
            WrittenAccessibility(syntax),
            isPartialDefinition,
            property.PartialImplementationPart is not null,
            property.IsStatic,
            property.GetMethod is not null,
            property.SetMethod is not null,
            new EquatableArray<StepDeclaration>(steps.ToArray()),
            new EquatableArray<StepDeclaration>(unknown.ToArray()));
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == baseName) return true;
        }
        return false;
    }

    private static string? ConflictingBase(INamedTypeSymbol type, string? allowed)
    {
        var baseType = type.BaseType;
        if (baseType is null || baseType.SpecialType == SpecialType.System_Object) return null;
        string name = baseType.ToDisplayString();
        return name == allowed ? null : name;
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
