using System;
using System.Globalization;
using System.Linq;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// A checked request for samples: a count within <see cref="SampleLimits"/>, a seed of 0 or more, and for a
/// conditional generator one label per sample within the model's classes (from its <c>gangen.classes</c>
/// metadata). Everything is checked from the text before anything is allocated or run; a problem is a
/// <see cref="UsageException"/> naming the option or query parameter ("--count", "count").
/// </summary>
/// <param name="Count">Samples to generate.</param>
/// <param name="Seed">Seed of the noise.</param>
/// <param name="Labels">One class per sample for a conditional generator, null for an unconditional one.</param>
public sealed record SampleRequest(int Count, int Seed, long[]? Labels)
{
    /// <summary>Default number of samples when no count and no labels are given.</summary>
    public const int DefaultCount = 16;

    /// <summary>
    /// Parses and checks the request's texts (null: not given) for <paramref name="model"/>. Without a count, a
    /// conditional request has one sample per given label, and labels 0, 1, 2, … otherwise.
    /// </summary>
    /// <param name="model">The generator the request is for.</param>
    /// <param name="count">The count's text, or null.</param>
    /// <param name="seed">The seed's text, or null (seed 0).</param>
    /// <param name="labels">Comma-separated labels, or null.</param>
    /// <param name="cap">The caller's largest count (<see cref="SampleLimits.MaxServedCount"/> or <see cref="SampleLimits.MaxGeneratedCount"/>).</param>
    /// <param name="prefix">How options are named in messages: "--" on the command line, "" for query parameters.</param>
    public static SampleRequest Parse(GeneratorModel model, string? count, string? seed, string? labels, int cap, string prefix)
    {
        ArgumentNullException.ThrowIfNull(model);
        int maxCount = SampleLimits.MaxCount(model, cap);
        long[]? parsedLabels = labels is null ? null : ParseLabels(model, labels, maxCount, prefix);
        int resolvedCount = count is null
            ? parsedLabels?.Length ?? Math.Min(DefaultCount, maxCount)
            : Whole(count, prefix + "count", 1, maxCount, $" ({Why(model, maxCount, cap)})");
        int resolvedSeed = seed is null ? 0 : Whole(seed, prefix + "seed", 0, int.MaxValue, "");
        if (model.Classes > 0 && parsedLabels is not null && parsedLabels.Length != resolvedCount)
            throw new UsageException($"{prefix}labels: {parsedLabels.Length} labels for {prefix}count {resolvedCount}; give one label per sample");
        if (model.Classes > 0)
            parsedLabels ??= Enumerable.Range(0, resolvedCount).Select(i => (long)(i % model.Classes)).ToArray();
        return new SampleRequest(resolvedCount, resolvedSeed, parsedLabels);
    }

    private static string Why(GeneratorModel model, int maxCount, int cap) => maxCount < cap
        ? $"{model.Gan}'s noise and samples for one request must fit in {SampleLimits.MaxBytes / (1024 * 1024)} MiB"
        : "the limit per request";

    private static long[] ParseLabels(GeneratorModel model, string text, int maxCount, string prefix)
    {
        string name = prefix + "labels";
        if (model.Classes == 0) throw new UsageException($"{name}: {model.Gan} is not conditional; it takes no labels");
        // Count the commas first, so a huge list is refused before it is split into strings.
        int parts = text.Count(c => c == ',') + 1;
        if (parts > maxCount) throw new UsageException($"{name}: {parts} labels, but at most {maxCount} samples are allowed");
        var labels = new long[parts];
        string[] items = text.Split(',', StringSplitOptions.TrimEntries);
        for (int i = 0; i < items.Length; i++)
        {
            if (!long.TryParse(items[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long label))
                throw new UsageException($"{name}: '{Shorten(items[i])}' is not a whole number; give comma-separated classes 0 to {model.Classes - 1}");
            if (label < 0 || label >= model.Classes)
                throw new UsageException($"{name}: label {label} is outside {model.Gan}'s classes 0 to {model.Classes - 1}");
            labels[i] = label;
        }
        return labels;
    }

    private static int Whole(string text, string name, int min, int max, string why)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max)
            return (int)value;
        throw new UsageException($"{name} must be a whole number from {min} to {max}{why}; got '{Shorten(text)}'");
    }

    // A hostile value must not make the one error line a megabyte long.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
