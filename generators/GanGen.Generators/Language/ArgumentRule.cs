using System;
using System.Collections.Generic;
using System.Reflection;

namespace GanGen.Generators.Language;

/// <summary>
/// One argument of a declaration attribute as the attribute itself states it: its name, its default (the property's
/// initialiser, or the constructor parameter's default), and the values it accepts (<see cref="AcceptsAttribute"/>,
/// the enum's members, or true/false). Read by reflection from GanGen.Abstractions, so nothing here restates them.
/// </summary>
internal sealed class ArgumentRule
{
    private readonly AcceptsAttribute? _accepts;
    private readonly UsuallyAttribute? _usually;
    private readonly Type _type;

    private ArgumentRule(string name, Type type, double @default, bool required, AcceptsAttribute? accepts, UsuallyAttribute? usually)
    {
        Name = name;
        _type = type;
        Default = @default;
        IsRequired = required;
        _accepts = accepts;
        _usually = usually;
    }

    public string Name { get; }

    /// <summary>The value when the declaration leaves the argument out.</summary>
    public double Default { get; }

    /// <summary>A constructor parameter without a default: C# makes every declaration state it.</summary>
    public bool IsRequired { get; }

    public Type EnumType => _type.IsEnum ? _type : throw new InvalidOperationException(Name + " is not an enum argument.");

    public bool Allows(double value)
    {
        if (_type == typeof(bool)) return value is 0 or 1;
        if (_type.IsEnum) return value == Math.Floor(value) && (Enum.IsDefined(_type, (int)value) || IsFlagCombination((int)value));
        return _accepts is null ? !double.IsNaN(value) && !double.IsInfinity(value) : _accepts.Allows(value);
    }

    /// <summary>
    /// Whether an accepted <paramref name="value"/> lies outside the range the literature uses
    /// (<see cref="UsuallyAttribute"/>); then <paramref name="range"/> and <paramref name="reason"/> say which and why, for GAN113.
    /// </summary>
    public bool IsUnusual(double value, out string range, out string reason)
    {
        range = _usually?.Describe() ?? string.Empty;
        reason = _usually?.Reason ?? string.Empty;
        return _usually is not null && !_usually.Includes(value);
    }

    /// <summary>The requirement in words, for GAN105.</summary>
    public string Requirement
    {
        get
        {
            if (_type == typeof(bool)) return "true or false";
            if (_type.IsEnum) return (IsFlags ? "a combination (with |) of " : "one of ") + string.Join(", ", Enum.GetNames(_type));
            return _accepts?.Describe() ?? "a finite number";
        }
    }

    private bool IsFlags => _type.IsDefined(typeof(FlagsAttribute), inherit: false);

    // A [Flags] enum accepts any union of its members (Color | Cutout), and nothing outside them.
    private bool IsFlagCombination(int value)
    {
        if (!IsFlags || value < 0) return false;
        int all = 0;
        foreach (object member in Enum.GetValues(_type)) all |= Convert.ToInt32(member, System.Globalization.CultureInfo.InvariantCulture);
        return (value & ~all) == 0;
    }

    /// <summary>The enum member name of <paramref name="value"/> (for emitted code and messages).</summary>
    public string MemberName(double value) => Enum.GetName(EnumType, (int)value) ?? ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Every numeric, boolean and enum property of <paramref name="attribute"/>, in declaration order. Defaults come from
    /// an instance made with each constructor parameter at its default (or zero when it has none, marking it required).
    /// </summary>
    public static ArgumentRule[] Of(Type attribute)
    {
        var constructor = PrimaryConstructor(attribute);
        var parameters = constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        var required = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.HasDefaultValue) arguments[i] = parameter.DefaultValue;
            else
            {
                arguments[i] = parameter.ParameterType.IsValueType && !parameter.ParameterType.IsArray ? Activator.CreateInstance(parameter.ParameterType) : null;
                required.Add(parameter.Name!);
            }
        }
        var instance = constructor.Invoke(arguments);
        var rules = new List<ArgumentRule>();
        foreach (var property in attribute.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var type = property.PropertyType;
            if (!IsNumeric(type) && type != typeof(bool) && !type.IsEnum) continue;
            double value = Convert.ToDouble(property.GetValue(instance), System.Globalization.CultureInfo.InvariantCulture);
            rules.Add(new ArgumentRule(property.Name, type, value, required.Contains(property.Name),
                property.GetCustomAttribute<AcceptsAttribute>(), property.GetCustomAttribute<UsuallyAttribute>()));
        }
        return rules.ToArray();
    }

    /// <summary>The constructor with the most parameters: the one that names the positional arguments.</summary>
    private static ConstructorInfo PrimaryConstructor(Type attribute)
    {
        ConstructorInfo? best = null;
        foreach (var constructor in attribute.GetConstructors())
        {
            if (best is null || constructor.GetParameters().Length > best.GetParameters().Length) best = constructor;
        }
        return best ?? throw new InvalidOperationException(attribute.Name + " has no public constructor.");
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(short) || type == typeof(byte);
}
