using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GanGen.Generators.Model;

/// <summary>
/// A place in source that survives caching: the tree is compared by reference, which only changes when that file
/// is edited. Only declarations and diagnostics carry it; the emit spec never does.
/// </summary>
internal readonly record struct SourceSpan(SyntaxTree Tree, TextSpan Span)
{
    public Location ToLocation() => Location.Create(Tree, Span);

    public static SourceSpan Of(SyntaxNode node) => new(node.SyntaxTree, node.Span);

    public static SourceSpan Of(SyntaxToken token) => new(token.SyntaxTree!, token.Span);
}

/// <summary>A value read from an attribute, with the source of the argument that set it.</summary>
internal readonly record struct Located<T>(T Value, SourceSpan Location);
