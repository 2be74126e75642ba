using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing's generator test, set up to run offline: the reference-assembly set names no
/// package (so nothing is resolved from NuGet) and every reference comes from <see cref="TestReferences"/>.
/// Compiler diagnostics are not compared (a bad declaration leaves partial members unimplemented), nor are
/// generated sources (the snapshot tests own those); the generator's own diagnostics are compared exactly.
/// </summary>
internal sealed class GanGeneratorTest : CSharpSourceGeneratorTest<GanSourceGenerator, DefaultVerifier>
{
    /// <summary>A reference-assembly set without a package: resolving it downloads nothing.</summary>
    public static ReferenceAssemblies Offline { get; } = new("net10.0");

    public GanGeneratorTest(string markup)
    {
        TestCode = markup;
        ReferenceAssemblies = Offline;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        CompilerDiagnostics = CompilerDiagnostics.None;
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
