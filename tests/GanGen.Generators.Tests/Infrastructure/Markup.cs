using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace GanGen.Generators.Tests.Infrastructure;

/// <summary>A diagnostic expected by markup: its ID, where it is and the source text it covers.</summary>
internal sealed record ExpectedSpan(string Id, TextSpan Span, string Text);

/// <summary>
/// Reads the Microsoft.CodeAnalysis.Testing markup subset the diagnostic tests use, <c>{|GAN101:text|}</c>, so the same
/// source feeds both the plain driver and <c>CSharpSourceGeneratorTest</c>. Markup does not nest.
/// </summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<ExpectedSpan> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<ExpectedSpan>();
        int index = 0;
        while (index < markup.Length)
        {
            int open = markup.IndexOf("{|", index, StringComparison.Ordinal);
            if (open < 0)
            {
                source.Append(markup, index, markup.Length - index);
                break;
            }
            source.Append(markup, index, open - index);
            int colon = markup.IndexOf(':', open);
            int close = markup.IndexOf("|}", open, StringComparison.Ordinal);
            if (colon < 0 || close < 0 || colon > close) throw new FormatException($"Unterminated markup at {open}: {markup.Substring(open)}");
            string id = markup.Substring(open + 2, colon - open - 2);
            string text = markup.Substring(colon + 1, close - colon - 1);
            if (text.Contains("{|", StringComparison.Ordinal)) throw new FormatException("Nested markup is not supported.");
            expected.Add(new ExpectedSpan(id, new TextSpan(source.Length, text.Length), text));
            source.Append(text);
            index = close + 2;
        }
        return (source.ToString(), expected);
    }
}
