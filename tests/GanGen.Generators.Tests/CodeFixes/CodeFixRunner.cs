using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace GanGen.Generators.Tests.CodeFixes;

/// <summary>
/// Applies a code fix the way the IDE does: the document's compilation runs through the generator, the provider
/// is offered the generator's diagnostic of one ID, and the first registered action's changes are applied.
/// </summary>
internal static class CodeFixRunner
{
    public static async Task<string> ApplyAsync(CodeFixProvider provider, string source, string diagnosticId)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Fixture", "Fixture", LanguageNames.CSharp)
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithCompilationOptions(GeneratorHarness.CompilationOptions)
            .WithMetadataReferences(TestReferences.All);
        var document = project.AddDocument("Fixture.cs", SourceText.From(source));
        var compilation = (CSharpCompilation)(await document.Project.GetCompilationAsync())!;
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        var diagnostic = diagnostics.Single(d => d.Id == diagnosticId);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        Assert.NotEmpty(actions);
        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var text = await changed.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }

    public static IReadOnlyList<Diagnostic> GanDiagnostics(string source) =>
        GeneratorHarness.Run(source).GeneratorDiagnostics.Where(d => d.Id.StartsWith("GAN", System.StringComparison.Ordinal)).ToList();
}
