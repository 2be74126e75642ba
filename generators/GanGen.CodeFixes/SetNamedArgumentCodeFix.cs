using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace GanGen.CodeFixes;

/// <summary>
/// Mechanical argument fixes: GAN212 sets <c>Bias = false</c>, and GAN206 or GAN218 the <c>Padding</c> with
/// which a convolution reads its whole input (when the diagnostic found one), both on the attribute the diagnostic points at; GAN208
/// on a discriminator that already ends in a one-channel map sets <c>Output = DiscriminatorOutput.PatchMap</c> on its
/// [GanDiscriminator] attribute.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetNamedArgumentCodeFix)), Shared]
public sealed class SetNamedArgumentCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(DiagnosticIds.BiasBeforeBatchNorm, DiagnosticIds.ShapeMismatch, DiagnosticIds.UnreadInput, DiagnosticIds.DiscriminatorOutputMismatch);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan);
            var attribute = node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
            string name, value;
            if (diagnostic.Id == DiagnosticIds.DiscriminatorOutputMismatch)
            {
                if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.PatchMap)) continue;
                attribute = DiscriminatorAttribute(node);
                (name, value) = ("Output", "global::GanGen.DiscriminatorOutput.PatchMap");
            }
            else if (diagnostic.Id == DiagnosticIds.BiasBeforeBatchNorm)
            {
                (name, value) = ("Bias", "false");
            }
            else if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Padding, out var padding) && padding is not null)
            {
                (name, value) = ("Padding", padding);
            }
            else
            {
                continue;
            }
            if (attribute is null) continue;
            var target = attribute;
            context.RegisterCodeFix(
                CodeAction.Create($"Set {name} = {Shorten(value)}", ct =>
                    Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(target, WithArgument(target, name, value))))
                , nameof(SetNamedArgumentCodeFix) + name),
                diagnostic);
        }
    }

    /// <summary>The [GanDiscriminator] attribute of the class that contains <paramref name="node"/>.</summary>
    private static AttributeSyntax? DiscriminatorAttribute(SyntaxNode node)
    {
        var type = node.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        return type?.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(a =>
        {
            string written = a.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : a.Name.ToString();
            return written is "GanDiscriminator" or "GanDiscriminatorAttribute";
        });
    }

    private static string Shorten(string value) => value.StartsWith("global::GanGen.", System.StringComparison.Ordinal) ? value.Substring("global::GanGen.".Length) : value;

    private static AttributeSyntax WithArgument(AttributeSyntax attribute, string name, string value)
    {
        // Fully qualified and marked for simplification: it reduces to what the file's usings allow.
        var expression = SyntaxFactory.ParseExpression(value).WithAdditionalAnnotations(Simplifier.Annotation);
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var existing = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, expression);
        var arguments = existing is null ? list.Arguments.Add(argument) : list.Arguments.Replace(existing, existing.WithExpression(expression));
        return attribute.WithArgumentList(list.WithArguments(arguments));
    }
}
