using GanGen.Generators.Language;
using GanGen.Generators.Model;

using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>A step's argument values with defaults applied, and its params int[] (Reshape's target shape), as shape rules see them.</summary>
internal sealed class StepValues
{
    private readonly Arguments _arguments;

    public StepValues(Arguments arguments, EquatableArray<int> dimensions, long[]? other = null, string? otherName = null)
    {
        _arguments = arguments;
        Dimensions = dimensions;
        Other = other;
        OtherName = otherName;
    }

    /// <summary>A merge's other operand: the shape of the node it names.</summary>
    public long[]? Other { get; }

    /// <summary>A merge's other operand as written: "Skip", or "the input".</summary>
    public string? OtherName { get; }

    public double this[string name] => _arguments[name];

    public long Long(string name) => _arguments.Long(name);

    public bool Bool(string name) => _arguments.Bool(name);

    public EquatableArray<int> Dimensions { get; }
}
