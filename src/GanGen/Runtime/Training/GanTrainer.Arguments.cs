using System.Linq;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// What a caller's arguments to sampling must be, checked before anything is allocated: a sample count whose noise
// and samples fit InputLimits.MaxTensorBytes, and class indices a conditional generator can embed.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    /// <summary>
    /// Samples one call draws at most: its float32 noise [N, latent] and samples [N, …data shape] together within
    /// <see cref="InputLimits.MaxTensorBytes"/> (e.g. 1,360,000 for 28×28 images with 100 latent values).
    /// </summary>
    public int MaxSamplesPerCall => (int)System.Math.Min(int.MaxValue,
        InputLimits.MaxTensorBytes / (4 * (Config.LatentSize + Config.DataShape.Aggregate(1L, (product, size) => product * size))));

    private void RequireSampleCount(int count, string argument, string call)
    {
        if (count < 1 || count > MaxSamplesPerCall)
            throw new GanInputException(argument,
                $"is {count}; {Config.Name}.{call} draws 1 to {InputLimits.Count(MaxSamplesPerCall)} samples per call ({InputLimits.Bytes(InputLimits.MaxTensorBytes)} of float32 noise and samples {Config.BatchShapeText}); draw more in several calls");
    }

    /// <summary>Labels a caller gives to sample from: [N ≥ 1] int64 class indices 0 … Classes − 1 (one device read).</summary>
    private void RequireClassIndices(Tensor labels, string argument)
    {
        if (labels.dim() != 1 || labels.size(0) < 1 || labels.size(0) > MaxSamplesPerCall)
            throw new GanInputException(argument, $"has shape {ShapeText(labels)}; {Config.Name} samples from [N] class indices, N = 1 to {InputLimits.Count(MaxSamplesPerCall)}");
        if (labels.dtype != ScalarType.Int64)
            throw new GanInputException(argument, $"has dtype {labels.dtype}; class indices must be Int64");
        using var low = labels.min();
        using var high = labels.max();
        long min = low.item<long>(), max = high.item<long>();
        if (min < 0 || max >= Config.Classes)
            throw new GanInputException(argument, $"holds class {(min < 0 ? min : max)}; {Config.Name} declares {Config.Classes} classes, 0 to {Config.Classes - 1}");
    }
}
