using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace GanGen.Generators.Tests.Fuzzing;

/// <summary>
/// Produces damaged variants of a valid declaration the way editing does: deleted characters, tokens and lines,
/// swapped or duplicated lines, odd numbers, missing arguments, 'partial' removed, a layer renamed to clash, and
/// files cut off mid-way (half-typed code). Deterministic for a given seed.
/// </summary>
internal sealed class DeclarationMutator
{
    private static readonly Regex Number = new(@"(?<![\w.])\d+(\.\d+)?(e-?\d+)?", RegexOptions.Compiled);
    private static readonly Regex Token = new(@"\w+|[^\s\w]", RegexOptions.Compiled);
    private static readonly Regex ArgumentList = new(@"\(([^()]*)\)", RegexOptions.Compiled);
    private static readonly Regex LayerName = new(@"public partial \w+ (\w+) \{ get; \}", RegexOptions.Compiled);
    private static readonly string[] OddNumbers = { "0", "-1", "0.5", "1e9", "2147483647", "-0.0", "1.5", "999999" };

    private readonly Random _random;

    public DeclarationMutator(int seed) => _random = new Random(seed);

    public string Mutate(string source)
    {
        string mutant = source;
        int edits = 1 + _random.Next(3);
        for (int i = 0; i < edits; i++) mutant = MutateOnce(mutant);
        return mutant;
    }

    private string MutateOnce(string source) => _random.Next(9) switch
    {
        0 => DeleteCharacters(source),
        1 => DeleteToken(source),
        2 => EditLines(source, swap: true),
        3 => EditLines(source, swap: false),
        4 => ReplaceNumber(source),
        5 => RemoveArguments(source),
        6 => source.Replace(" partial ", _random.Next(2) == 0 ? " " : " partial ", StringComparison.Ordinal),
        7 => RenameLayer(source),
        _ => source.Substring(0, _random.Next(source.Length)),
    };

    private string DeleteCharacters(string source)
    {
        int start = _random.Next(source.Length);
        int length = Math.Min(1 + _random.Next(12), source.Length - start);
        return source.Remove(start, length);
    }

    private string DeleteToken(string source)
    {
        var tokens = Token.Matches(source);
        if (tokens.Count == 0) return source;
        var token = tokens[_random.Next(tokens.Count)];
        return source.Remove(token.Index, token.Length);
    }

    private string EditLines(string source, bool swap)
    {
        var lines = new List<string>(source.Split('\n'));
        int a = _random.Next(lines.Count), b = _random.Next(lines.Count);
        if (swap) (lines[a], lines[b]) = (lines[b], lines[a]);
        else lines.Insert(b, lines[a]);
        return string.Join("\n", lines);
    }

    private string ReplaceNumber(string source)
    {
        var numbers = Number.Matches(source);
        if (numbers.Count == 0) return source;
        var number = numbers[_random.Next(numbers.Count)];
        return source.Remove(number.Index, number.Length).Insert(number.Index, OddNumbers[_random.Next(OddNumbers.Length)]);
    }

    private string RemoveArguments(string source)
    {
        var lists = ArgumentList.Matches(source);
        if (lists.Count == 0) return source;
        var list = lists[_random.Next(lists.Count)];
        return source.Remove(list.Index, list.Length).Insert(list.Index, "()");
    }

    private string RenameLayer(string source)
    {
        var names = LayerName.Matches(source);
        if (names.Count < 2) return source;
        var target = names[_random.Next(names.Count)].Groups[1];
        string other = names[_random.Next(names.Count)].Groups[1].Value;
        return source.Remove(target.Index, target.Length).Insert(target.Index, other);
    }
}
