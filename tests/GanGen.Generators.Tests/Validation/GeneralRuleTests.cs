using System.Globalization;
using System.Linq;
using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.Validation;

/// <summary>
/// Each rule holds in every context it concerns — every loss, both networks, graph nodes and blocks, the newer
/// attributes — reported with its own ID at the attribute or argument at fault; valid declarations stay clean.
/// </summary>
public sealed class GeneralRuleTests
{
    [Theory]
    [MemberData(nameof(GeneralRuleCases.Names), MemberType = typeof(GeneralRuleCases))]
    public void Reports_exactly_the_marked_diagnostics_with_their_message(string name)
    {
        var row = GeneralRuleCases.Get(name);
        var (source, expected) = Markup.Parse(row.Markup);

        var run = GeneratorHarness.Run(source);

        if (expected.Count == 0)
        {
            run.AssertCleanBuild();
            return;
        }
        var actual = run.GeneratorDiagnostics
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .Select(d => (d.Id, Text: source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)))
            .ToList();
        Assert.Equal(expected.Select(e => (e.Id, e.Text)), actual);
        var diagnostic = run.GeneratorDiagnostics.First(d => d.Id == expected[0].Id);
        Assert.Contains(row.Fragment!, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
