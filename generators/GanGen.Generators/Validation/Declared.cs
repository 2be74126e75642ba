using System.Globalization;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>Formatting shared by the validators' messages.</summary>
internal static class Declared
{
    internal static long[] ToArray(EquatableArray<long> values)
    {
        var result = new long[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = values[i];
        return result;
    }

    internal static string RoleName(NetworkRole role) => role == NetworkRole.Generator ? "generator" : "discriminator";

    internal static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
