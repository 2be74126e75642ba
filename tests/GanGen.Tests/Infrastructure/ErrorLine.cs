using System;

namespace GanGen.Tests.Infrastructure;

/// <summary>The programs' one policy for a refusal, as an assertion: one "error:" line on stderr, no stack trace.</summary>
internal static class ErrorLine
{
    /// <summary>Asserts that <paramref name="error"/> is exactly one line starting "error: " and returns it.</summary>
    public static string Single(string output, string error)
    {
        Assert.DoesNotContain("   at ", output + error); // a stack trace
        Assert.DoesNotContain("Unhandled exception", output + error);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        return line;
    }
}
