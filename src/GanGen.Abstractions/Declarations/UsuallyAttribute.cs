using System;
using System.Globalization;

namespace GanGen;

/// <summary>
/// The range the literature uses for an argument, inside the wider range it <see cref="AcceptsAttribute">accepts</see>:
/// a declared value outside it is legal but usually a mistake (a typo in an exponent, a setting a paper warns
/// against), so GanGen's compiler warns (GAN113) with <see cref="Reason"/>. Silence it per line with #pragma.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class UsuallyAttribute : Attribute
{
    /// <summary>Declares the usual range from <paramref name="minimum"/> to <paramref name="maximum"/>, both included unless excluded.</summary>
    public UsuallyAttribute(double minimum, double maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The smallest usual value.</summary>
    public double Minimum { get; }

    /// <summary>The largest usual value.</summary>
    public double Maximum { get; }

    /// <summary><see cref="Maximum"/> itself is outside the usual range.</summary>
    public bool ExcludeMaximum { get; set; }

    /// <summary>Why values outside are suspect, with the literature's usual value.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>Whether <paramref name="value"/> lies in the usual range.</summary>
    public bool Includes(double value) => value >= Minimum && (ExcludeMaximum ? value < Maximum : value <= Maximum);

    /// <summary>The range in words: "[0, 1)".</summary>
    public string Describe() =>
        $"[{Minimum.ToString("R", CultureInfo.InvariantCulture)}, {Maximum.ToString("R", CultureInfo.InvariantCulture)}{(ExcludeMaximum ? ")" : "]")}";
}
