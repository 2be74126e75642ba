using System.Globalization;
using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Diagnostics;

/// <summary>Each bad declaration, run through the plain driver: exactly the marked diagnostics, at the marked text.</summary>
public sealed class DiagnosticLocationTests
{
    [Theory]
    [MemberData(nameof(DiagnosticCases.Names), MemberType = typeof(DiagnosticCases))]
    public void Reports_exactly_the_marked_diagnostics_at_the_marked_text(string name)
    {
        var @case = DiagnosticCases.Get(name);
        var (source, expected) = Markup.Parse(@case.Markup);

        var run = GeneratorHarness.Run(source);

        var actual = run.GeneratorDiagnostics
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .Select(d => (d.Id, Text: source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length), d.Location.SourceSpan))
            .ToList();
        Assert.Equal(expected.Select(e => (e.Id, e.Text, e.Span)), actual);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("Test0.cs", d.Location.GetLineSpan().Path));
    }

    [Theory]
    [MemberData(nameof(DiagnosticCases.Names), MemberType = typeof(DiagnosticCases))]
    public void Message_names_the_problem_and_help_link_names_the_id(string name)
    {
        var @case = DiagnosticCases.Get(name);
        var (source, _) = Markup.Parse(@case.Markup);

        var diagnostic = GeneratorHarness.Run(source).GeneratorDiagnostics.First(d => d.Id == @case.Id);

        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        foreach (var part in @case.MessageParts) Assert.Contains(part, message);
        Assert.EndsWith("/docs/diagnostics/" + @case.Id + ".md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(DiagnosticCases.Names), MemberType = typeof(DiagnosticCases))]
    public void Errors_suppress_the_model_and_warnings_do_not(string name)
    {
        var (source, _) = Markup.Parse(DiagnosticCases.Get(name).Markup);

        var run = GeneratorHarness.Run(source);

        bool anyError = run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        // A [GanBlock] class has a file of its own; what the GAN gets is in the GAN's.
        var gan = run.GeneratedSources.Where(s => s.HintName == "Demo.ToyGan.g.cs").ToList();
        if (!anyError)
        {
            Assert.Single(gan);
            return;
        }
        // With errors: no networks and no trainer, at most the layer-property implementations of the recovery file,
        // and a block no valid GAN uses gets only throwing layer properties.
        Assert.All(gan, s =>
        {
            string text = s.SourceText.ToString();
            Assert.Contains("generated no networks and no trainer", text);
            Assert.DoesNotContain("GanTrainer", text);
        });
        Assert.All(run.GeneratedSources.Except(gan), s => Assert.Contains("generated no module for it", s.SourceText.ToString()));
    }

    /// <summary>
    /// A declaration with a GanGen error shows that error, not also one "partial property must have an implementation
    /// part" (CS9248) per layer, and the recovery code itself compiles.
    /// </summary>
    [Theory]
    [MemberData(nameof(DiagnosticCases.Names), MemberType = typeof(DiagnosticCases))]
    public void Errors_come_without_unimplemented_layer_errors(string name)
    {
        var (source, _) = Markup.Parse(DiagnosticCases.Get(name).Markup);
        var input = GeneratorHarness.CreateCompilation(source);

        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out _);

        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.DoesNotContain(errors, d => d.Location.SourceTree is { } tree && !input.SyntaxTrees.Contains(tree));
        // Only declarations C# cannot extend keep CS9248: a GAN or network that is not partial or is generic, a layer
        // with a setter.
        if (name.StartsWith("GAN101", System.StringComparison.Ordinal) || name.StartsWith("GAN102", System.StringComparison.Ordinal) || name == "GAN106_Setter") return;
        Assert.DoesNotContain(errors, d => d.Id == "CS9248");
    }
}
