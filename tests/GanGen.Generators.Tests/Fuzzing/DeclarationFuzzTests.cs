using System;
using System.Collections.Generic;
using System.Linq;
using GanGen.Generators.Tests.Emit;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace GanGen.Generators.Tests.Fuzzing;

/// <summary>
/// The generator must never break the build: on hundreds of damaged declarations it throws nothing, and whenever it
/// reports no error for code that itself compiles, the code it generates compiles too.
/// </summary>
public sealed class DeclarationFuzzTests
{
    private const int MutantsPerDeclaration = 70;
    private readonly ITestOutputHelper _output;

    public DeclarationFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Damaged_declarations_never_crash_the_generator_or_yield_uncompilable_code()
    {
        var seeds = new[]
        {
            SnapshotDeclarations.Ring, SnapshotDeclarations.SmoothedBce, SnapshotDeclarations.ClippedWgan,
            SnapshotDeclarations.Hinge, SnapshotDeclarations.LeastSquares, SnapshotDeclarations.NestedInContainer,
            ExampleModels.Read("FashionDcgan.cs"),
        };
        int mutants = 0, ganErrors = 0, inputErrors = 0, generated = 0, recovered = 0;
        for (int s = 0; s < seeds.Length; s++)
        {
            var mutator = new DeclarationMutator(seed: 1000 + s);
            for (int i = 0; i < MutantsPerDeclaration; i++)
            {
                string source = mutator.Mutate(seeds[s]);
                mutants++;
                var compilation = GeneratorHarness.CreateCompilation(source);
                var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
                var result = driver.GetRunResult().Results.Single();

                Assert.True(result.Exception is null, $"The generator threw {result.Exception} on:\n{source}");
                Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");

                if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    ganErrors++;
                    // What is still emitted for a declaration with errors (its layer properties) must compile.
                    var inRecovery = output.GetDiagnostics()
                        .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !compilation.SyntaxTrees.Contains(tree))
                        .ToList();
                    Assert.True(inRecovery.Count == 0, $"The recovery code for a declaration with errors brings errors:\n{GeneratorRun.Describe(inRecovery)}\n--- mutant ---\n{source}");
                    if (!result.GeneratedSources.IsEmpty) recovered++;
                    continue;
                }
                if (result.GeneratedSources.IsEmpty) continue;
                generated++;
                // Errors the generated code introduced: any inside a generated file, and any in the user's files
                // that the input compilation did not already have (an input error the generated part resolves,
                // such as a partial property without implementation, is fine).
                var before = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => (d.Id, d.Location.SourceSpan)).ToHashSet();
                // Errors that only the generated part can resolve: partial properties without implementation, and
                // members the generated base class provides.
                if (before.Any(d => d.Id is not ("CS9248" or "CS0115" or "CS0117" or "CS1061" or "CS0103")))
                {
                    inputErrors++; // the declaration itself is broken; only declarations without errors are judged
                    continue;
                }
                var introduced = output.GetDiagnostics()
                    .Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Where(d => d.Location.SourceTree is { } tree && (!compilation.SyntaxTrees.Contains(tree) || !before.Contains((d.Id, d.Location.SourceSpan))))
                    .ToList();
                Assert.True(introduced.Count == 0,
                    $"No GanGen error, but the generated code brings errors:\n{GeneratorRun.Describe(introduced)}\n--- mutant ---\n{source}");
            }
        }
        _output.WriteLine($"{mutants} mutants: {ganErrors} rejected with a GanGen error ({recovered} of those with compiling layer-property recovery), {generated} generated code; {generated - inputErrors} of those were otherwise valid and their generated code compiled ({inputErrors} had C# errors of their own)");
        Assert.True(mutants >= 400);
        Assert.True(ganErrors > 50 && generated - inputErrors > 20, "the mutants should exercise both rejection and generation");
    }
}
