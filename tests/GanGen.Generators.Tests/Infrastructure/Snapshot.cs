using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions with Verify's file conventions: <c>Snapshots/&lt;TestClass&gt;.&lt;TestName&gt;.verified.cs</c>
/// next to the test source (found through [CallerFilePath]; the test class is named after its file). A mismatch
/// writes <c>.received.cs</c> beside it (git-ignored) and fails with a diff excerpt. Accepting is explicit: set
/// GANGEN_ACCEPT_SNAPSHOTS=1 to overwrite verified with received; never when CI is set.
/// </summary>
internal static class Snapshot
{
    private const string AcceptVariable = "GANGEN_ACCEPT_SNAPSHOTS";
    private const int ContextLines = 3;

    public static void Match(string actual, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}");
        string verifiedPath = stem + ".verified.cs";
        string receivedPath = stem + ".received.cs";
        string received = Normalize(actual);
        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (AcceptRequested)
        {
            File.WriteAllText(verifiedPath, received, Utf8NoBom);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, Utf8NoBom);
        string reason = verified is null
            ? $"No verified snapshot {Path.GetFileName(verifiedPath)} yet."
            : $"Snapshot {Path.GetFileName(verifiedPath)} does not match.\n{DiffExcerpt(verified, received)}";
        Assert.Fail($"{reason}\nReceived: {receivedPath}\nTo accept, review it and run with {AcceptVariable}=1 (ignored when CI is set).");
    }

    internal static bool AcceptRequested =>
        ShouldAccept(Environment.GetEnvironmentVariable(AcceptVariable), Environment.GetEnvironmentVariable("CI"));

    /// <summary>Only an explicit opt-in ("1") accepts, and never when CI is set to anything.</summary>
    internal static bool ShouldAccept(string? accept, string? ci) => accept == "1" && string.IsNullOrEmpty(ci);

    internal static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>The first differing line with a few lines of context from each side.</summary>
    internal static string DiffExcerpt(string verified, string received)
    {
        string[] expected = verified.Split('\n');
        string[] actual = received.Split('\n');
        int first = 0;
        while (first < expected.Length && first < actual.Length && expected[first] == actual[first]) first++;

        var excerpt = new StringBuilder();
        excerpt.AppendLine($"First difference at line {first + 1} (verified has {expected.Length} lines, received {actual.Length}):");
        Append(excerpt, "verified", expected, first);
        Append(excerpt, "received", actual, first);
        return excerpt.ToString();
    }

    private static void Append(StringBuilder excerpt, string label, string[] lines, int first)
    {
        excerpt.AppendLine($"--- {label}");
        int start = Math.Max(0, first - ContextLines), end = Math.Min(lines.Length, first + ContextLines + 1);
        for (int i = start; i < end; i++)
            excerpt.AppendLine($"{(i == first ? ">" : " ")}{i + 1,5}: {lines[i]}");
        if (first >= lines.Length) excerpt.AppendLine($">{first + 1,5}: <end of file>");
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
}
