using System;
using System.CommandLine;
using System.Linq;

namespace GanGen.Examples.Models;

/// <summary>
/// Options whose values are the names of an enum's members. System.CommandLine's default enum parsing is
/// <see cref="Enum.Parse(Type, string, bool)"/>, which also takes numbers ("--gan 7" trains whatever member 7 is, or an
/// undefined value) and comma lists of flags; these options take a member's name only (any letter case), and
/// anything else is a parse error that lists the names.
/// </summary>
public static class NamedOption
{
    /// <summary>An option taking one of <typeparamref name="TEnum"/>'s member names, lower-cased in help and errors.</summary>
    public static Option<TEnum> Create<TEnum>(string name, string description, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        string[] names = Names<TEnum>();
        var option = new Option<TEnum>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string given = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
                if (Parse<TEnum>(given) is { } value) return value;
                result.AddError($"{name} must be one of {string.Join(", ", names)}; got '{given}'");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>The member named <paramref name="text"/> (letter case ignored), or null: numbers and lists are not names.</summary>
    public static TEnum? Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } match
            ? Enum.Parse<TEnum>(match)
            : null;

    /// <summary>The member names as the command line spells them.</summary>
    public static string[] Names<TEnum>()
        where TEnum : struct, Enum => Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToArray();
}
