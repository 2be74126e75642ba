using System;
using System.Globalization;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// Finiteness: NaN/Inf in a real batch is rejected (TrainStep) or reported (Step), and non-finite weights are never
// checkpointed. Each check is one float64 sum: a sum of float32 values in float64 cannot overflow, so it is
// non-finite exactly when some value is NaN or ±∞.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    /// <summary>
    /// The generator's and discriminator's weights as one sentence when either holds NaN or ±∞ ("the
    /// generator's weights hold 12 NaN and 0 infinite values of 3,400"), or null when both are finite. One reduction
    /// and one device sync per network.
    /// </summary>
    public string? DescribeNonFiniteWeights()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        string? generator = IsFinite(GeneratorParameters.Values) ? null : CountNonFinite("the generator's weights", GeneratorParameters.Values);
        string? discriminator = IsFinite(DiscriminatorParameters.Values) ? null : CountNonFinite("the discriminator's weights", DiscriminatorParameters.Values);
        return generator is null ? discriminator : discriminator is null ? generator : generator + "; " + discriminator;
    }

    /// <summary>
    /// Throws <see cref="TrainingDivergedException"/> when either network's weights are not finite, naming the step,
    /// what is non-finite and what to do; <paramref name="path"/> is the checkpoint that is therefore not written.
    /// </summary>
    internal void ThrowIfWeightsNotFinite(string path)
    {
        if (DescribeNonFiniteWeights() is not { } problem) return;
        string advice = RealDataSinceReadIsFinite()
            ? "lower the learning rates and resume from the last checkpoint"
            : "a real batch since the last metrics read held NaN or infinite values, so check the data, then resume from the last checkpoint";
        throw new TrainingDivergedException(StepCount,
            $"{Config.Name}: training diverged by step {StepCount}: {problem}. '{path}' was not written, so the last finite checkpoint is kept; {advice}.");
    }

    /// <summary>Rejects a batch holding NaN or ±∞ before anything trains on it (one reduction and a sync).</summary>
    private void RejectNonFiniteBatch(Tensor realBatch)
    {
        if (IsFinite(realBatch)) return;
        throw new ArgumentException(
            $"{Config.Name}: the real batch holds NaN or infinite values ({CountNonFinite("its values", realBatch)}); nothing was trained on it. Check the data and its preprocessing.",
            nameof(realBatch));
    }

    /// <summary>Adds the batch's float64 sum to a device-side accumulator that <see cref="ReadMetrics"/> reports: no sync per step.</summary>
    private void AccumulateBatchSum(Tensor realBatch)
    {
        using var sum = realBatch.sum(ScalarType.Float64);
        if (sum.device_type == _metricSums.device_type && sum.device_index == _metricSums.device_index)
        {
            _metricSlots[RealSumIndex].add_(sum, CachedScalars.One);
            return;
        }
        using var moved = sum.to(_metricSums.device);
        _metricSlots[RealSumIndex].add_(moved, CachedScalars.One);
    }

    private bool RealDataSinceReadIsFinite()
    {
        using var host = _metricSlots[RealSumIndex].cpu();
        return double.IsFinite(host.item<double>());
    }

    private static bool IsFinite(Tensor values)
    {
        using var sum = values.sum(ScalarType.Float64);
        return double.IsFinite(sum.item<double>());
    }

    // Only on the failure path, so its extra reductions cost nothing in a healthy run.
    private static string CountNonFinite(string what, Tensor values)
    {
        using var nan = values.isnan();
        using var nanCount = nan.sum();
        using var inf = values.isinf();
        using var infCount = inf.sum();
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} hold {nanCount.item<long>():N0} NaN and {infCount.item<long>():N0} infinite values of {values.numel():N0}");
    }
}
