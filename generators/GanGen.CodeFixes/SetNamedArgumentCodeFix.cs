using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanGen.CodeFixes;

/// <summary>
/// Mechanical argument fixes on the attribute a diagnostic points at: GAN306 sets <c>Bias = false</c>; GAN206 sets
/// the <c>Padding</c> that makes a convolution's output whole, when the diagnostic found one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetNamedArgumentCodeFix)), Shared]
public sealed class SetNamedArgumentCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(DiagnosticIds.BiasBeforeBatchNorm, DiagnosticIds.ShapeMismatch);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var attribute = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
            if (attribute is null) continue;
            string name, value;
            if (diagnostic.Id == DiagnosticIds.BiasBeforeBatchNorm)
            {
                (name, value) = ("Bias", "false");
            }
            else if (diagnostic.Properties.TryGetValue(DiagnosticIds.PaddingProperty, out var padding) && padding is not null)
            {
                (name, value) = ("Padding", padding);
            }
            else
            {
                continue;
            }
            context.RegisterCodeFix(
                CodeAction.Create($"Set {name} = {value}", ct =>
                    Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, WithArgument(attribute, name, value))))
                , nameof(SetNamedArgumentCodeFix) + name),
                diagnostic);
        }
    }

    private static AttributeSyntax WithArgument(AttributeSyntax attribute, string name, string value)
    {
        var expression = SyntaxFactory.ParseExpression(value);
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var existing = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, expression);
        var arguments = existing is null ? list.Arguments.Add(argument) : list.Arguments.Replace(existing, existing.WithExpression(expression));
        return attribute.WithArgumentList(list.WithArguments(arguments));
    }
}
