using System.Globalization;
using GanGen.Generators.Model;

namespace GanGen.Generators.Emit;

/// <summary>C# literals and shape text for generated code, culture-invariant so output never depends on the machine.</summary>
internal static class Literals
{
    public static string Double(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Shape(EquatableArray<long> shape)
    {
        var parts = new string[shape.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        return string.Join("×", parts);
    }

    public static string LongArray(EquatableArray<long> values)
    {
        var parts = new string[values.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = Long(values[i]);
        return "new long[] { " + string.Join(", ", parts) + " }";
    }

    /// <summary>The backing field of a layer: its name with a leading underscore, case kept so names stay distinct.</summary>
    public static string Field(string name) => "_" + name;

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>An array initialiser of long literals: <c>{ -1L, 128L, 7L, 7L }</c>.</summary>
    public static string LongArrayInitializer(System.Collections.Generic.IEnumerable<long> values)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (long value in values) parts.Add(Long(value));
        return "{ " + string.Join(", ", parts) + " }";
    }

    /// <summary>A count with thousands separators: 759,680.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A C# string literal.</summary>
    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
