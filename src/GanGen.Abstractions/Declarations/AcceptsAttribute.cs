using System;
using System.Globalization;

namespace GanGen;

/// <summary>
/// The values an attribute argument accepts. GanGen's compiler reports any other value as GAN105 at the argument,
/// with <see cref="Describe"/> as the requirement; it is the one statement of the range, read by the compiler.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class AcceptsAttribute : Attribute
{
    /// <summary>Accepts finite values from <paramref name="minimum"/> to <paramref name="maximum"/>, both included unless excluded.</summary>
    public AcceptsAttribute(double minimum, double maximum = double.PositiveInfinity)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The smallest accepted value.</summary>
    public double Minimum { get; }

    /// <summary>The largest accepted value (positive infinity: no upper bound).</summary>
    public double Maximum { get; }

    /// <summary>The value must be whole (counts, sizes).</summary>
    public bool Whole { get; set; }

    /// <summary><see cref="Minimum"/> itself is not accepted.</summary>
    public bool ExcludeMinimum { get; set; }

    /// <summary><see cref="Maximum"/> itself is not accepted.</summary>
    public bool ExcludeMaximum { get; set; }

    /// <summary>A hint appended to the requirement, e.g. the literature's usual value.</summary>
    public string? Advice { get; set; }

    /// <summary>Whether <paramref name="value"/> is accepted.</summary>
    public bool Allows(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return false;
        if (ExcludeMinimum ? value <= Minimum : value < Minimum) return false;
        if (ExcludeMaximum ? value >= Maximum : value > Maximum) return false;
        return !Whole || (value == Math.Floor(value) && Math.Abs(value) <= int.MaxValue);
    }

    /// <summary>The requirement in words, e.g. "a whole number from 1 to 64" or "in [0, 1)".</summary>
    public string Describe()
    {
        string text;
        bool unbounded = double.IsPositiveInfinity(Maximum);
        if (Whole)
        {
            double low = ExcludeMinimum ? Minimum + 1 : Minimum;
            double high = ExcludeMaximum ? Maximum - 1 : Maximum;
            text = unbounded ? $"a whole number ≥ {Number(low)}" : $"a whole number from {Number(low)} to {Number(high)}";
        }
        else if (unbounded && double.IsNegativeInfinity(Minimum))
        {
            text = "a finite number";
        }
        else if (unbounded && Minimum == 0)
        {
            text = ExcludeMinimum ? "positive" : "zero or positive";
        }
        else if (unbounded)
        {
            text = (ExcludeMinimum ? "greater than " : "at least ") + Number(Minimum);
        }
        else
        {
            text = $"in {(ExcludeMinimum ? "(" : "[")}{Number(Minimum)}, {Number(Maximum)}{(ExcludeMaximum ? ")" : "]")}";
        }
        return Advice is null ? text : $"{text} ({Advice})";
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
