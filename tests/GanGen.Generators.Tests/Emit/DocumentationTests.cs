using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanGen.Generators.Tests.Emit;

/// <summary>
/// Users who build with GenerateDocumentationFile (documentation mode Diagnose) and warnings as errors must get no
/// warnings from generated code: every generated public or protected member carries a doc comment.
/// </summary>
public sealed class DocumentationTests
{
    [Theory]
    [InlineData(nameof(SnapshotDeclarations.Ring))]
    [InlineData(nameof(SnapshotDeclarations.ClippedWgan))]
    [InlineData(nameof(SnapshotDeclarations.SmoothedBce))]
    public void Generated_code_has_no_documentation_warnings(string declaration)
    {
        string source = (string)typeof(SnapshotDeclarations).GetField(declaration)!.GetValue(null)!;
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = GeneratorHarness.CreateCompilation(CSharpSyntaxTree.ParseText(source, options, "Test0.cs"));
        var driver = CSharpGeneratorDriver.Create(new[] { new GanSourceGenerator().AsSourceGenerator() }, parseOptions: options);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var generated = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(generated.Count == 0, GeneratorRun.Describe(generated));
    }
}
