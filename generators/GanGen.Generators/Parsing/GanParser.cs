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

        var layers = ParseNodes(type, location, new List<INamedTypeSymbol>(), cancellationToken);

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
            layers);
    }

    /// <summary>The nodes of a network or block: its properties with GanGen attributes or a [GanBlock] type, in declaration order.</summary>
    /// <param name="enclosing">The blocks being parsed around this type, to stop at a block that contains itself.</param>
    private static EquatableArray<LayerDeclaration> ParseNodes(INamedTypeSymbol type, SourceSpan location, List<INamedTypeSymbol> enclosing, CancellationToken cancellationToken)
    {
        var layers = new List<LayerDeclaration>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IPropertySymbol property)
            {
                var layer = ParseLayer(property, location, enclosing, cancellationToken);
                if (layer is not null) layers.Add(layer);
            }
        }
        return new EquatableArray<LayerDeclaration>(layers.ToArray());
    }

    private static LayerDeclaration? ParseLayer(IPropertySymbol property, SourceSpan fallback, List<INamedTypeSymbol> enclosing, CancellationToken cancellationToken)
    {
        var steps = new List<StepDeclaration>();
        NodeReference? from = null;
        foreach (var attribute in property.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null) continue;
            if (attributeClass.ToDisplayString() == Attributes.From)
            {
                from = Reference(attribute, fallback);
                continue;
            }
            bool isLayer = DerivesFrom(attributeClass, Attributes.LayerBase);
            bool isOperation = !isLayer && DerivesFrom(attributeClass, Attributes.OperationBase);
            if (!isLayer && !isOperation) continue;
            // Attributes derived outside GanGen have no catalog entry; the validator reports them.
            bool known = attributeClass.ContainingNamespace?.ToDisplayString() == KnownNames.Namespace;
            NodeReference? reference = NamesNode(attribute) ? Reference(attribute, fallback) : null;
            steps.Add(new StepDeclaration(Attribute(attribute, fallback), isLayer, known, AttributeArguments.ReadIntArray(attribute), reference));
        }

        var blockType = property.Type as INamedTypeSymbol;
        bool isBlock = blockType is not null && HasAttribute(blockType, Attributes.Block);
        if (steps.Count == 0 && from is null && !isBlock) return null;

        var syntax = property.DeclaringSyntaxReferences.Length > 0
            ? property.DeclaringSyntaxReferences[0].GetSyntax() as PropertyDeclarationSyntax
            : null;
        var location = syntax is null ? fallback : SourceSpan.Of(syntax.Identifier);
        BlockDeclaration? block = null;
        bool cycle = false;
        if (isBlock)
        {
            if (enclosing.Exists(outer => SymbolEqualityComparer.Default.Equals(outer, blockType))) cycle = true;
            else block = ParseBlock(blockType!, location, enclosing, cancellationToken);
        }
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
            new EquatableArray<StepDeclaration>(steps.ToArray()),
            from,
            block,
            cycle);
    }

    /// <summary>A [GanBlock] class on its own (the block pipeline's view, which emits one file per block).</summary>
    public static BlockDeclaration? ParseBlock(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax node) return null;
        return ParseBlock(type, SourceSpan.Of(node.Identifier), new List<INamedTypeSymbol>(), cancellationToken);
    }

    private static BlockDeclaration ParseBlock(INamedTypeSymbol type, SourceSpan useLocation, List<INamedTypeSymbol> enclosing, CancellationToken cancellationToken)
    {
        var declaration = FirstDeclaration(type);
        var location = declaration is null ? useLocation : SourceSpan.Of(declaration.Identifier);
        var containers = new List<ContainingType>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            containers.Insert(0, new ContainingType(Keyword(outer), outer.Name));
        enclosing.Add(type);
        var layers = ParseNodes(type, location, enclosing, cancellationToken);
        enclosing.RemoveAt(enclosing.Count - 1);
        bool generic = type.IsGenericType;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) generic |= outer.IsGenericType;
        return new BlockDeclaration(
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            location,
            IsPartial(type),
            generic,
            type.BaseType is { SpecialType: not SpecialType.System_Object } baseType ? baseType.ToDisplayString() : null,
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            new EquatableArray<ContainingType>(containers.ToArray()),
            layers);
    }

    /// <summary>The node a [From] or merge attribute names (its first constructor argument), where it is written.</summary>
    private static NodeReference Reference(AttributeData attribute, SourceSpan fallback)
    {
        string name = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string value ? value : string.Empty;
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
        var argument = syntax?.ArgumentList?.Arguments.Count > 0 ? syntax.ArgumentList.Arguments[0] : null;
        return new NodeReference(name, argument is null ? AttributeArguments.LocationOf(attribute, fallback) : SourceSpan.Of(argument));
    }

    /// <summary>A step that reads another node takes its name first: a constructor parameter <c>string node</c> (merges, adaptive norm).</summary>
    private static bool NamesNode(AttributeData attribute) =>
        attribute.AttributeConstructor is { Parameters.Length: > 0 } constructor &&
        constructor.Parameters[0] is { Name: "node", Type.SpecialType: SpecialType.System_String };

    private static bool HasAttribute(INamedTypeSymbol type, string attributeName)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == attributeName) return true;
        }
        return false;
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
