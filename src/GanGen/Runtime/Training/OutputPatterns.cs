using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace GanGen.Runtime.Training;

/// <summary>
/// The outputs a program declares for its folder: relative paths with '/' between folders, in which <c>*</c> matches
/// within one name and <c>**</c> any number of folders (e.g. <c>samples/step-*.png</c>, <c>tensorboard/**</c>).
/// </summary>
internal sealed class OutputPatterns
{
    private readonly string[] _patterns;
    private readonly Regex[] _matchers;
    private readonly string[] _literalFolders;

    public OutputPatterns(IEnumerable<string> patterns)
    {
        _patterns = patterns.ToArray();
        foreach (string pattern in _patterns)
        {
            if (string.IsNullOrEmpty(pattern) || pattern.StartsWith('/') || pattern.Contains('\\') || pattern.Split('/').Any(s => s is "" or "." or ".."))
                throw new ArgumentException($"'{pattern}' is not a relative output path ('/' between folders, no '.' or '..' segments).", nameof(patterns));
        }
        _matchers = _patterns.Select(p => new Regex("^" + Regex.Escape(p).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$", RegexOptions.CultureInvariant)).ToArray();
        _literalFolders = _patterns.Select(LiteralFolder).ToArray();
    }

    /// <summary>Whether this run may write <paramref name="relativePath"/>.</summary>
    public bool Matches(string relativePath) => _matchers.Any(m => m.IsMatch(relativePath));

    /// <summary>Whether a declared output may lie in or below the folder <paramref name="relativeFolder"/>.</summary>
    public bool MayContain(string relativeFolder) =>
        _literalFolders.Any(literal => literal.StartsWith(relativeFolder + "/", StringComparison.Ordinal) || (relativeFolder + "/").StartsWith(literal, StringComparison.Ordinal));

    public override string ToString() => string.Join(", ", _patterns);

    /// <summary>The folders before the first wildcard, with a trailing '/' ("" for a file in the folder itself).</summary>
    private static string LiteralFolder(string pattern)
    {
        var segments = pattern.Split('/');
        int literal = 0;
        while (literal < segments.Length - 1 && !segments[literal].Contains('*')) literal++;
        return string.Concat(segments.Take(literal).Select(s => s + "/"));
    }
}
