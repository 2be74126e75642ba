using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>Builds a compilation from source text and runs <see cref="GanSourceGenerator"/> over it with the plain driver.</summary>
internal static class GeneratorHarness
{
    /// <summary>Partial properties need C# 13; Latest keeps up with the SDK.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            // The SDK passes /nowarn:1701,1702 (assembly unification notes) to every build; do the same.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

    public static SyntaxTree Parse(string source, string path = "Test0.cs") =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static CSharpCompilation CreateCompilation(params SyntaxTree[] trees) =>
        CSharpCompilation.Create("GanGen.GeneratorTests.Input", trees, TestReferences.All, CompilationOptions);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation(sources.Select((source, i) => Parse(source, $"Test{i}.cs")).ToArray());

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new GanSourceGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(compilation, output, generatorDiagnostics, result.GeneratedSources, output.GetDiagnostics());
    }
}

/// <summary>One generator run: what the generator reported and produced, and how the result compiles.</summary>
internal sealed record GeneratorRun(
    CSharpCompilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<GeneratedSourceResult> GeneratedSources,
    ImmutableArray<Diagnostic> OutputDiagnostics)
{
    /// <summary>The only generated file's text (fails when there is not exactly one).</summary>
    public string SingleSource => Assert.Single(GeneratedSources).SourceText.ToString();

    /// <summary>The generated file with hint name <paramref name="hintName"/>.</summary>
    public string Source(string hintName) => Assert.Single(GeneratedSources, s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Warnings and errors of the compilation after generation (what a warnings-as-errors build fails on).</summary>
    public IReadOnlyList<Diagnostic> OutputProblems =>
        OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Asserts the generator reported nothing and the user code plus generated code compiles cleanly.</summary>
    public void AssertCleanBuild()
    {
        Assert.True(GeneratorDiagnostics.IsEmpty, "Generator diagnostics:\n" + Describe(GeneratorDiagnostics));
        Assert.True(OutputProblems.Count == 0, "Compilation after generation has warnings/errors:\n" + Describe(OutputProblems));
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => "  " + d));
}
