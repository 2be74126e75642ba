using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Documentation;

/// <summary>
/// The README's "A GAN in twenty lines" is code users copy first: its declaration must generate cleanly and the usage
/// snippet after it must compile against the generated trainer, so the front door cannot rot.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void Twenty_line_declaration_and_its_usage_compile()
    {
        var blocks = CSharpBlocks(Section(ReadReadme(), "## A GAN in twenty lines"));
        Assert.True(blocks.Count >= 2, "the section should hold the declaration and the usage snippet");
        string declaration = blocks[0];
        Assert.True(Regex.Matches(declaration, "\n").Count <= 25, "the 'twenty lines' declaration has grown past its title");

        string usage = """
            using GanGen.Runtime.Data;
            using GanGen.Runtime.Training;
            using TorchSharp;

            internal static class ReadmeUsage
            {
                internal static void Run()
                {
            """ + blocks[1] + """

                }
            }
            """;
        var run = GeneratorHarness.Run(declaration, usage);

        Assert.Empty(run.GeneratorDiagnostics);
        var errors = run.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, GeneratorRun.Describe(errors));
    }

    internal static string ReadReadme([CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "README.md"));

    internal static string Section(string markdown, string heading)
    {
        int start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '{heading}' section");
        int end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    internal static List<string> CSharpBlocks(string markdown) =>
        Regex.Matches(markdown, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
}
