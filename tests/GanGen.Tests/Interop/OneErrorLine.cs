using System;
using System.Linq;

namespace GanGen.Tests.Interop;

/// <summary>What every refused command prints: exactly one "error: …" line, and no stack trace or Python traceback.</summary>
public static class OneErrorLine
{
    /// <summary>Asserts <paramref name="output"/> holds one "error:" line containing <paramref name="expected"/>, and no trace.</summary>
    public static void Assert(string output, string expected, string context)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        var errors = lines.Where(line => line.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        Xunit.Assert.True(errors.Length == 1, $"{context}: expected one error line, got {errors.Length}:\n{output}");
        Xunit.Assert.True(errors[0].Contains(expected, StringComparison.Ordinal), $"{context}: expected '{expected}' in '{errors[0]}'");
        Xunit.Assert.True(!output.Contains("   at ", StringComparison.Ordinal) && !output.Contains("Traceback", StringComparison.Ordinal) && !output.Contains("Unhandled exception", StringComparison.Ordinal),
            $"{context}: a stack trace or traceback was printed:\n{output}");
    }
}
