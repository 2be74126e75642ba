using System.Linq;
using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.InfrastructureTests;

/// <summary>The markup reader the driver tests share with Microsoft.CodeAnalysis.Testing.</summary>
public sealed class MarkupTests
{
    [Fact]
    public void Markup_yields_clean_source_and_spans()
    {
        var (source, expected) = Markup.Parse("class {|GAN101:A|} { int {|GAN102:b|}; }");

        Assert.Equal("class A { int b; }", source);
        Assert.Equal(new[] { ("GAN101", 6, "A"), ("GAN102", 14, "b") }, expected.Select(e => (e.Id, e.Span.Start, e.Text)));
    }

    [Fact]
    public void Unterminated_markup_is_rejected()
    {
        Assert.Throws<System.FormatException>(() => Markup.Parse("class {|GAN101:A { }"));
    }
}
