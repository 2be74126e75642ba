using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Optimization;

/// <summary>
/// Adam over one flat buffer. Same arithmetic, in the same order, as torch.optim.Adam (amsgrad off), so results
/// match it to float rounding; costs a fixed handful of whole-buffer ops per step instead of several per parameter.
/// </summary>
public sealed class LeanAdam : GanOptimizer
{
    private readonly Tensor _expAvg;
    private readonly Tensor _expAvgSq;
    private readonly Tensor _denominator;
    private readonly Scalar _beta1;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;
    private readonly Scalar _weightDecay;

    /// <summary>Creates Adam state for <paramref name="parameters"/>.</summary>
    public LeanAdam(FlatParameters parameters, OptimizerSettings settings) : base(parameters, settings)
    {
        _expAvg = zeros_like(parameters.Values);
        _expAvgSq = zeros_like(parameters.Values);
        _denominator = zeros_like(parameters.Values);
        _beta1 = settings.Beta1;
        _oneMinusBeta1 = 1 - settings.Beta1;
        _beta2 = settings.Beta2;
        _oneMinusBeta2 = 1 - settings.Beta2;
        _epsilon = settings.Epsilon;
        _weightDecay = settings.WeightDecay;
    }

    /// <inheritdoc />
    public override void Step()
    {
        // The flat buffers are not part of any graph, so no no_grad guard (an allocation) is needed.
        StepCount++;
        var gradient = Parameters.Gradients;
        if (Settings.WeightDecay != 0) gradient.add_(Parameters.Values, _weightDecay);
        _expAvg.mul_(_beta1).add_(gradient, _oneMinusBeta1);
        _expAvgSq.mul_(_beta2).addcmul_(gradient, gradient, _oneMinusBeta2);

        double biasCorrection1 = 1 - Math.Pow(Settings.Beta1, StepCount);
        double biasCorrection2 = 1 - Math.Pow(Settings.Beta2, StepCount);
        // Two step-dependent scalars per step (not per parameter): 2 × 24 B managed.
        using Scalar correction2Sqrt = Math.Sqrt(biasCorrection2);
        using Scalar negativeStepSize = -LearningRate / biasCorrection1;
        _denominator.copy_(_expAvgSq).sqrt_().div_(correction2Sqrt).add_(_epsilon);
        Parameters.Values.addcdiv_(_expAvg, _denominator, negativeStepSize);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _expAvg.Dispose();
        _expAvgSq.Dispose();
        _denominator.Dispose();
        _beta1.Dispose();
        _oneMinusBeta1.Dispose();
        _beta2.Dispose();
        _oneMinusBeta2.Dispose();
        _epsilon.Dispose();
        _weightDecay.Dispose();
    }
}
