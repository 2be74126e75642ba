using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>What a step's shape rule decided: an output shape and parameter count, or why the input cannot be taken.</summary>
internal readonly struct ShapeResult
{
    private ShapeResult(long[]? output, long parameters, string? problem, long? fixPadding, string? warning)
    {
        Output = output;
        Parameters = parameters;
        Problem = problem;
        FixPadding = fixPadding;
        Warning = warning;
    }

    public long[]? Output { get; }

    public long Parameters { get; }

    public string? Problem { get; }

    /// <summary>A padding that would make the shape work, when exactly that change fixes it.</summary>
    public long? FixPadding { get; }

    /// <summary>A shape that works but drops real input (rows or columns a stride never reaches).</summary>
    public string? Warning { get; }

    public static ShapeResult Ok(long[] output, long parameters = 0, string? warning = null, long? fixPadding = null) =>
        new(output, parameters, null, fixPadding, warning);

    public static ShapeResult Fail(string problem, long? fixPadding = null) => new(null, 0, problem, fixPadding, null);
}

internal static class Shapes
{
    public static string Format(long[] shape) => "[" + string.Join(", ", shape) + "]";

    public static string Format(EquatableArray<long> shape) => Format(Declared.ToArray(shape));

    public static long Product(long[] shape)
    {
        long product = 1;
        foreach (long dimension in shape) product *= dimension;
        return product;
    }

    public static bool Equal(long[] left, long[] right)
    {
        if (left.Length != right.Length) return false;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i]) return false;
        }
        return true;
    }
}
