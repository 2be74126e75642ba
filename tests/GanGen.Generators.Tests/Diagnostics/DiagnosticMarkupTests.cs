using System.Threading.Tasks;
using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.Diagnostics;

/// <summary>
/// The same bad declarations through Microsoft.CodeAnalysis.Testing: its markup ({|GAN101:ToyGan|}) states the
/// expected ID and span, and the verifier fails on any missing, extra or misplaced generator diagnostic.
/// </summary>
public sealed class DiagnosticMarkupTests
{
    [Theory]
    [MemberData(nameof(DiagnosticCases.Names), MemberType = typeof(DiagnosticCases))]
    public async Task Verifier_finds_exactly_the_marked_diagnostics(string name) =>
        await new GanGeneratorTest(DiagnosticCases.Get(name).Markup).RunAsync();

    [Fact]
    public async Task Verifier_rejects_a_misplaced_marker()
    {
        // Control: the offline setup really compares spans. GAN101 belongs on the class name, not its keyword.
        string misplaced = (ToyGan.Valid with { Declaration = "public {|GAN101:class|} ToyGan" }).ToString();

        var failure = await Assert.ThrowsAnyAsync<System.Exception>(() => new GanGeneratorTest(misplaced).RunAsync());

        Assert.Contains("GAN101", failure.Message);
    }

    [Fact]
    public async Task Verifier_rejects_a_missing_diagnostic()
    {
        // Control: a valid declaration with a marker must fail, so passing cases are not vacuous.
        string marked = (ToyGan.Valid with { Declaration = "public partial class {|GAN101:ToyGan|}" }).ToString();

        await Assert.ThrowsAnyAsync<System.Exception>(() => new GanGeneratorTest(marked).RunAsync());
    }

    [Theory]
    [MemberData(nameof(DiagnosticCases.Names), MemberType = typeof(DiagnosticCases))]
    public async Task Verifier_finds_no_diagnostics_in_the_fixed_declaration(string name) =>
        await new GanGeneratorTest(DiagnosticCases.Get(name).Valid).RunAsync();
}
