using System.Collections.Generic;
using GanGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanGen.Generators.Parsing;

/// <summary>Reads an attribute's numeric arguments with the source span of each argument expression.</summary>
internal static class AttributeArguments
{
    public static SourceSpan LocationOf(AttributeData attribute, SourceSpan fallback)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax();
        return syntax is null ? fallback : SourceSpan.Of(syntax);
    }

    /// <summary>
    /// Constructor arguments are named after their parameter (first letter upper-cased, so [Dense(128)] yields
    /// "Units"); named arguments keep their property name. Values that are not numbers, bools or enums are skipped.
    /// </summary>
    public static EquatableArray<ArgumentDeclaration> Read(AttributeData attribute, SourceSpan attributeLocation)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
        var result = new List<ArgumentDeclaration>();
        var constructor = attribute.AttributeConstructor;
        if (constructor is not null)
        {
            for (int i = 0; i < attribute.ConstructorArguments.Length && i < constructor.Parameters.Length; i++)
            {
                string parameter = constructor.Parameters[i].Name;
                if (TryNumber(attribute.ConstructorArguments[i], out double value))
                {
                    var location = PositionalLocation(syntax, i, parameter) ?? attributeLocation;
                    result.Add(new ArgumentDeclaration(Capitalize(parameter), value, location));
                }
            }
        }
        foreach (var named in attribute.NamedArguments)
        {
            if (TryNumber(named.Value, out double value))
            {
                var location = NamedLocation(syntax, named.Key) ?? attributeLocation;
                result.Add(new ArgumentDeclaration(named.Key, value, location));
            }
        }
        return new EquatableArray<ArgumentDeclaration>(result.ToArray());
    }

    /// <summary>Reads a params int[] constructor argument (e.g. [GanData(1, 28, 28)]).</summary>
    public static EquatableArray<int> ReadIntArray(AttributeData attribute)
    {
        var values = new List<int>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind != TypedConstantKind.Array || argument.IsNull) continue;
            foreach (var element in argument.Values)
            {
                if (element.Value is int number) values.Add(number);
            }
        }
        return new EquatableArray<int>(values.ToArray());
    }

    public static bool TryNumber(TypedConstant constant, out double value)
    {
        value = 0;
        if (constant.IsNull || constant.Kind == TypedConstantKind.Array || constant.Kind == TypedConstantKind.Error) return false;
        switch (constant.Value)
        {
            case int i: value = i; return true;
            case long l: value = l; return true;
            case double d: value = d; return true;
            case float f: value = f; return true;
            case bool b: value = b ? 1 : 0; return true;
            case short s: value = s; return true;
            case byte u: value = u; return true;
            default: return false;
        }
    }

    private static SourceSpan? PositionalLocation(AttributeSyntax? syntax, int index, string parameter)
    {
        if (syntax?.ArgumentList is null) return null;
        int position = 0;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals is not null) continue;
            if (argument.NameColon is not null)
            {
                if (argument.NameColon.Name.Identifier.ValueText == parameter) return SourceSpan.Of(argument);
                continue;
            }
            if (position == index) return SourceSpan.Of(argument);
            position++;
        }
        return null;
    }

    private static SourceSpan? NamedLocation(AttributeSyntax? syntax, string name)
    {
        if (syntax?.ArgumentList is null) return null;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name) return SourceSpan.Of(argument);
        }
        return null;
    }

    private static string Capitalize(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
}
