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
    public static string Camel(string name) => "_" + name;

    /// <summary>A C# string literal.</summary>
    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
