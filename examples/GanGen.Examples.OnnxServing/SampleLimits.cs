using System;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// How many samples one request may ask for. The bound is memory: a request holds its noise and its samples as
/// float32 (the JSON or PNG it returns is a few times larger), so the count is capped where those two arrays would
/// pass <see cref="MaxBytes"/>, and never above the caller's own cap (the server's per-request
/// <see cref="MaxServedCount"/>, <c>generate</c>'s <see cref="MaxGeneratedCount"/>).
/// </summary>
public static class SampleLimits
{
    /// <summary>Largest noise + samples one request may allocate: 256 MiB, a fraction of any serving host's memory.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Largest count one HTTP request may ask for: a 256-sample JSON body of 28×28 images is about 2.5 MB.</summary>
    public const int MaxServedCount = 256;

    /// <summary>Largest count <c>generate</c> writes: one PNG per image sample, so 4,096 files at most.</summary>
    public const int MaxGeneratedCount = 4096;

    /// <summary>The largest count for <paramref name="model"/> under <paramref name="cap"/>: at least 1 for any model that loads.</summary>
    public static int MaxCount(GeneratorModel model, int cap)
    {
        ArgumentNullException.ThrowIfNull(model);
        long bytesPerSample = (model.LatentSize + model.SampleElements) * sizeof(float);
        return (int)Math.Max(1, Math.Min(cap, MaxBytes / bytesPerSample));
    }
}
