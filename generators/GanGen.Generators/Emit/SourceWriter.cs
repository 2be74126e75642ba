using System.Collections.Generic;
using System.Text;

namespace GanGen.Generators.Emit;

/// <summary>A minimal indented writer: readable generated code without SyntaxFactory's cost.</summary>
internal sealed class SourceWriter
{
    /// <summary>Longest line <see cref="Wrapped"/> leaves alone, indentation included.</summary>
    public const int Width = 120;

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes a statement, breaking a long one after the opening parenthesis of its outermost call and between that
    /// call's arguments, so a reviewer reads generated code without scrolling.
    /// </summary>
    public SourceWriter Wrapped(string text)
    {
        if (_indent * 4 + text.Length <= Width || !TrySplit(text, out string head, out List<string> arguments, out string tail)) return Line(text);
        Line(head);
        _indent++;
        var line = new StringBuilder();
        for (int i = 0; i < arguments.Count; i++)
        {
            string piece = arguments[i] + (i < arguments.Count - 1 ? "," : tail);
            if (line.Length > 0 && _indent * 4 + line.Length + 1 + piece.Length > Width)
            {
                Line(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(piece);
        }
        Line(line.ToString());
        _indent--;
        return this;
    }

    /// <summary>An expression-bodied member: on one line when it fits, else the expression on its own indented line(s).</summary>
    public SourceWriter ExpressionBodied(string signature, string expression)
    {
        string whole = $"{signature} => {expression};";
        if (_indent * 4 + whole.Length <= Width) return Line(whole);
        Line(signature + " =>");
        _indent++;
        Wrapped(expression + ";");
        _indent--;
        return this;
    }

    public SourceWriter Open(string header)
    {
        Wrapped(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Splits <c>head(a, b, c)tail</c> at the parenthesis pair that closes last, into its head, top-level arguments and tail.</summary>
    private static bool TrySplit(string text, out string head, out List<string> arguments, out string tail)
    {
        head = tail = string.Empty;
        arguments = new List<string>();
        int close = text.LastIndexOf(')');
        if (close < 0) return false;
        int depth = 0, open = -1;
        for (int i = close; i >= 0; i--)
        {
            char c = text[i];
            if (c == ')' || c == ']' || c == '}') depth++;
            else if (c == '(' || c == '[' || c == '{')
            {
                depth--;
                if (depth == 0) { open = i; break; }
            }
        }
        if (open < 0 || close - open < 2) return false;
        head = text.Substring(0, open + 1);
        tail = text.Substring(close);
        depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++)
        {
            char c = text[i];
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == '"') i = text.IndexOf('"', i + 1);
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text.Substring(start, i - start).Trim());
                start = i + 1;
            }
        }
        arguments.Add(text.Substring(start, close - start).Trim());
        return true;
    }
}
