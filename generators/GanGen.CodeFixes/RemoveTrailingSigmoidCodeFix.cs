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

/// <summary>GAN301: removes the [Sigmoid] a discriminator ends in (GanGen's losses apply the link function themselves).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveTrailingSigmoidCodeFix)), Shared]
public sealed class RemoveTrailingSigmoidCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SigmoidDiscriminator);

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
            if (attribute?.Parent is not AttributeListSyntax list) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Remove the trailing [Sigmoid]", ct =>
                {
                    SyntaxNode updated = list.Attributes.Count == 1
                        ? root.RemoveNode(list, SyntaxRemoveOptions.KeepExteriorTrivia)!
                        : root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
                    return Task.FromResult(context.Document.WithSyntaxRoot(updated));
                }, nameof(RemoveTrailingSigmoidCodeFix)),
                diagnostic);
        }
    }
}
