using System.Text;

namespace GanGen.Generators.Emit;

/// <summary>An indented writer for the twin's Python source (four spaces a level, '\n' line ends).</summary>
internal sealed class PythonWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public PythonWriter Line(string text = "")
    {
        if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes a block header (<c>def f(x):</c>) and indents what follows.</summary>
    public PythonWriter Open(string header)
    {
        Line(header);
        _indent++;
        return this;
    }

    public PythonWriter Close()
    {
        _indent--;
        return this;
    }

    /// <summary>Writes a multi-line block (a class definition) at the current indentation.</summary>
    public PythonWriter Block(string text)
    {
        foreach (string line in text.Replace("\r\n", "\n").Split('\n')) Line(line);
        return this;
    }

    public override string ToString() => _builder.ToString();
}
