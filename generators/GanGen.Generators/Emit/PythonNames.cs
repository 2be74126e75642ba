using System.Collections.Generic;
using System.Globalization;

namespace GanGen.Generators.Emit;

/// <summary>Python literals and attribute access for the twin's generated source, culture-invariant like <see cref="Literals"/>.</summary>
internal static class PythonNames
{
    // C# identifiers that are Python keywords (a layer may be called "None" or "pass"): reached through getattr.
    private static readonly HashSet<string> Keywords = new()
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    /// <summary><c>self.Name</c>, or <c>getattr(self, "Name")</c> for a name Python reserves.</summary>
    public static string Member(string name) => Keywords.Contains(name) ? $"getattr(self, {String(name)})" : "self." + name;

    /// <summary>The statement that registers <paramref name="module"/> as the network's child <paramref name="name"/>.</summary>
    public static string Register(string name, string module) => Keywords.Contains(name)
        ? $"self.add_module({String(name)}, {module})"
        : $"self.{name} = {module}";

    /// <summary>A float literal (<c>0.2</c>, <c>1e-05</c>).</summary>
    public static string Float(double value) => Literals.Double(value);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>A double-quoted string literal.</summary>
    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A Python list of ints: <c>[1, 28, 28]</c>.</summary>
    public static string IntList(IEnumerable<long> values)
    {
        var parts = new List<string>();
        foreach (long value in values) parts.Add(Int(value));
        return "[" + string.Join(", ", parts) + "]";
    }
}
