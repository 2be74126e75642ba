using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Documentation;

/// <summary>The README's interop calls compile against the README's own GAN, so the section cannot name members that do not exist.</summary>
public sealed class InteropReadmeTests
{
    [Fact]
    public void Interop_calls_compile_against_the_twenty_line_gan()
    {
        string readme = ReadmeExampleTests.ReadReadme();
        string declaration = ReadmeExampleTests.CSharpBlocks(ReadmeExampleTests.Section(readme, "## A GAN in twenty lines"))[0];
        string calls = ReadmeExampleTests.CSharpBlocks(ReadmeExampleTests.Section(readme, "## Beyond one machine"))[0];
        string usage = """
            internal static class ReadmeInterop
            {
                internal static void Run(RingGan gan)
                {
            """ + calls + """

                }
            }
            """;

        var run = GeneratorHarness.Run(declaration, usage);

        Assert.Empty(run.GeneratorDiagnostics);
        var errors = run.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, GeneratorRun.Describe(errors));
    }
}
