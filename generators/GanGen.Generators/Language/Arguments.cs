using System;
using System.Collections.Generic;
using System.Globalization;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;
using GanGen.Generators.Validation;

namespace GanGen.Generators.Language;

/// <summary>
/// A declaration attribute's argument values with defaults applied: what was written where it is accepted, the
/// attribute's own default otherwise. A value outside its range is reported (GAN105) at the argument.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArgumentDeclaration> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArgumentRule> _rules = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public double this[string name] => _values.TryGetValue(name, out double value)
        ? value
        : throw new InvalidOperationException($"'{name}' is not an argument of this attribute.");

    public long Long(string name) => (long)this[name];

    public int Int(string name) => (int)this[name];

    public bool Bool(string name) => this[name] != 0;

    /// <summary>The enum member name the value stands for.</summary>
    public string Member(string name) => _rules[name].MemberName(this[name]);

    /// <summary>The argument as written, when it was written (and accepted).</summary>
    public ArgumentDeclaration? Declared(string name) => _declared.TryGetValue(name, out var argument) ? argument : null;

    public bool IsDeclared(string name) => _declared.ContainsKey(name);

    /// <summary>The values in rule order, for the spec.</summary>
    public EquatableArray<SpecArgument> ToSpec(IReadOnlyList<ArgumentRule> rules)
    {
        var values = new SpecArgument[rules.Count];
        for (int i = 0; i < values.Length; i++) values[i] = new SpecArgument(rules[i].Name, _values[rules[i].Name]);
        return new EquatableArray<SpecArgument>(values);
    }

    /// <param name="what">Names an argument in messages: a format with {0} for its name, e.g. "Conv2d {0} on 'Down1'".</param>
    public static Arguments Resolve(IReadOnlyList<ArgumentRule> rules, EquatableArray<ArgumentDeclaration> declared, string what, ValidationContext context)
    {
        var result = new Arguments();
        foreach (var rule in rules)
        {
            result._rules[rule.Name] = rule;
            result._values[rule.Name] = rule.Default;
        }
        foreach (var argument in declared)
        {
            if (!result._rules.TryGetValue(argument.Name, out var rule)) continue;
            if (!rule.Allows(argument.Value))
            {
                context.Report(DiagnosticDescriptors.InvalidArgument, argument.Location, string.Format(CultureInfo.InvariantCulture, what, argument.Name),
                    Number(argument.Value), rule.Requirement);
                continue;
            }
            if (rule.IsUnusual(argument.Value, out string range, out string reason))
                context.Report(DiagnosticDescriptors.UnusualArgument, argument.Location, string.Format(CultureInfo.InvariantCulture, what, argument.Name),
                    Number(argument.Value), range, reason);
            result._values[rule.Name] = argument.Value;
            result._declared[rule.Name] = argument;
        }
        return result;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
