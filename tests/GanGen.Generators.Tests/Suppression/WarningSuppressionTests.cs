using System.Collections.Generic;
using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Suppression;

/// <summary>
/// Warnings are reported at source locations in the user's tree, so the compiler's own filters apply to them:
/// <c>#pragma warning disable</c> and severity configuration (.editorconfig / globalconfig become these options).
/// </summary>
public sealed class WarningSuppressionTests
{
    private static readonly ToyGan BiasBeforeBatchNorm = ToyGan.Valid with
    {
        GeneratorLayers = "[Dense(16)] public partial Linear Hidden { get; }\n[BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }\n[Dense(2)] public partial Linear Output { get; }",
    };

    [Fact]
    public void Warning_is_reported_without_suppression()
    {
        var run = GeneratorHarness.Run(BiasBeforeBatchNorm.ToString());
        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GAN212", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Pragma_disables_the_warning()
    {
        string source = BiasBeforeBatchNorm.ToString().Replace("[Dense(16)] public partial Linear Hidden", "#pragma warning disable GAN212\n[Dense(16)] public partial Linear Hidden");
        var run = GeneratorHarness.Run(source);
        var all = run.GeneratorDiagnostics.Where(d => d.Id == "GAN212").ToList();
        Assert.True(all.Count == 0 || all.All(d => d.IsSuppressed), "GAN212 should be suppressed by #pragma: " + string.Join("; ", all));
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void Severity_option_turns_the_warning_into_an_error()
    {
        var options = GeneratorHarness.CompilationOptions.WithSpecificDiagnosticOptions(
            GeneratorHarness.CompilationOptions.SpecificDiagnosticOptions.SetItem("GAN212", ReportDiagnostic.Error));
        var compilation = GeneratorHarness.CreateCompilation(BiasBeforeBatchNorm.ToString()).WithOptions(options);
        var run = GeneratorHarness.Run(compilation);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GAN212");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Severity_option_can_silence_the_warning()
    {
        var options = GeneratorHarness.CompilationOptions.WithSpecificDiagnosticOptions(
            GeneratorHarness.CompilationOptions.SpecificDiagnosticOptions.SetItem("GAN212", ReportDiagnostic.Suppress));
        var compilation = GeneratorHarness.CreateCompilation(BiasBeforeBatchNorm.ToString()).WithOptions(options);
        var run = GeneratorHarness.Run(compilation);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "GAN212" && !d.IsSuppressed);
    }
}
