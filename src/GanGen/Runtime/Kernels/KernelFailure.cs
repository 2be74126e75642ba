using System.Globalization;

namespace GanGen.Runtime.Kernels;

/// <summary>A probe whose float32 result differs from its float64 reference by more than the tolerance.</summary>
/// <param name="Probe">The configuration.</param>
/// <param name="Device">Where it ran ("cpu", "cuda:0").</param>
/// <param name="Part">Which result was wrong: "output", "input gradient" or "gradient of weight".</param>
/// <param name="RelativeError">The largest absolute difference over the largest absolute reference value.</param>
public sealed record KernelFailure(KernelProbe Probe, string Device, string Part, double RelativeError)
{
    /// <summary>"ConvTranspose2d 3 → 6, k5 s1 p2 on [4, 3, 5, 5] (float32, cpu): its output is off by 1.19 of its float64 reference's scale".</summary>
    public override string ToString() =>
        $"{Probe.Description} on [{KernelComparison.BatchSize}, {string.Join(", ", Probe.SampleShape)}] (float32, {Device}): " +
        $"its {Part} is off by {RelativeError.ToString("G3", CultureInfo.InvariantCulture)} of its float64 reference's scale " +
        $"(tolerance {KernelComparison.Tolerance.ToString("G", CultureInfo.InvariantCulture)})";
}
