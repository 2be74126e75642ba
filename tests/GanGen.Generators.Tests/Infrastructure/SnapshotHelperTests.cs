using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.InfrastructureTests;

/// <summary>The snapshot helper's own rules: line endings do not matter, and a mismatch shows where it starts.</summary>
public sealed class SnapshotHelperTests
{
    [Fact]
    public void Line_endings_are_normalised()
    {
        Assert.Equal("a\nb\nc\n", Snapshot.Normalize("a\r\nb\rc\n"));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("0", null, false)]
    [InlineData("true", null, false)]
    [InlineData("1", null, true)]
    [InlineData("1", "", true)]
    [InlineData("1", "true", false)]
    [InlineData("1", "1", false)]
    public void Accepting_needs_the_opt_in_and_never_happens_on_CI(string? accept, string? ci, bool expected)
    {
        Assert.Equal(expected, Snapshot.ShouldAccept(accept, ci));
    }

    [Fact]
    public void Diff_excerpt_points_at_the_first_differing_line()
    {
        string excerpt = Snapshot.DiffExcerpt("one\ntwo\nthree\n", "one\nTWO\nthree\n");

        Assert.Contains("First difference at line 2", excerpt);
        Assert.Contains(">    2: two", excerpt);
        Assert.Contains(">    2: TWO", excerpt);
    }

    [Fact]
    public void Diff_excerpt_reports_a_shorter_file()
    {
        string excerpt = Snapshot.DiffExcerpt("one\ntwo", "one");

        Assert.Contains("First difference at line 2", excerpt);
        Assert.Contains("<end of file>", excerpt);
    }
}
