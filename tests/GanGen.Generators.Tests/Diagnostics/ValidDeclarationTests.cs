using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.Diagnostics;

/// <summary>The declaration that fixes each bad one reports nothing, generates one file (and one per block it declares) and compiles cleanly.</summary>
public sealed class ValidDeclarationTests
{
    [Theory]
    [MemberData(nameof(DiagnosticCases.Names), MemberType = typeof(DiagnosticCases))]
    public void Fixed_declaration_reports_nothing_and_compiles(string name)
    {
        var run = GeneratorHarness.Run(DiagnosticCases.Get(name).Valid);

        run.AssertCleanBuild();
        Assert.Single(run.GeneratedSources, s => s.HintName.EndsWith("ToyGan.g.cs", System.StringComparison.Ordinal));
        Assert.All(run.GeneratedSources, s => Assert.True(s.HintName.EndsWith("ToyGan.g.cs", System.StringComparison.Ordinal) || s.SourceText.ToString().Contains("Block of "), s.HintName));
    }

    [Fact]
    public void Toy_declaration_reports_nothing_and_compiles()
    {
        var run = GeneratorHarness.Run(ToyGan.Valid.ToString());

        run.AssertCleanBuild();
        Assert.Equal("Demo.ToyGan.g.cs", Assert.Single(run.GeneratedSources).HintName);
    }

    [Fact]
    public void Class_without_Gan_attribute_generates_nothing()
    {
        var run = GeneratorHarness.Run("namespace Demo; public partial class NotAGan { }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }
}
