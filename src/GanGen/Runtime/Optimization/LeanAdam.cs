using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Optimization;

/// <summary>
/// Adam (amsgrad off) over one flat buffer: the update of torch.optim.Adam as nine whole-buffer ops. The bias
/// corrections are computed on the host in double precision, as torch.optim does, and reach the device without a
/// Scalar: √(1 − β2^t) and the step size −lr/(1 − β1^t) are written into 0-dim CPU tensors (which any backend accepts
/// as scalar operands), the step size by dividing the denominator, so no step — the first ones, whose bias
/// corrections change every step, included — creates a tensor, a Scalar or any managed object. Results match
/// torch.optim.Adam to float rounding (tested to 1e-6 relative).
/// </summary>
public sealed class LeanAdam : GanOptimizer
{
    private readonly Tensor _expAvg;
    private readonly Tensor _expAvgSq;
    private readonly Tensor _denominator;
    private readonly Tensor _correction2Sqrt;
    private readonly Tensor _negativeStepSize;
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
        _correction2Sqrt = ones(new long[0], dtype: float64, device: CPU);
        _negativeStepSize = ones(new long[0], dtype: float64, device: CPU);
        _beta1 = settings.Beta1;
        _oneMinusBeta1 = 1 - settings.Beta1;
        _beta2 = settings.Beta2;
        _oneMinusBeta2 = 1 - settings.Beta2;
        _epsilon = settings.Epsilon;
        _weightDecay = settings.WeightDecay;
    }

    /// <inheritdoc />
    public override System.Collections.Generic.IEnumerable<(string Name, Tensor State)> StateTensors()
    {
        yield return ("exp_avg", _expAvg);
        yield return ("exp_avg_sq", _expAvgSq);
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

        // p ← p − lr/(1 − β1^t) · m / (√v / √(1 − β2^t) + ε), the expression torch.optim.Adam evaluates, with the
        // step size moved into the denominator: p + m / ((√v / √(1 − β2^t) + ε) / (−lr/(1 − β1^t))).
        MemoryMarshal.Cast<byte, double>(_correction2Sqrt.bytes)[0] = Math.Sqrt(1 - Math.Pow(Settings.Beta2, StepCount));
        MemoryMarshal.Cast<byte, double>(_negativeStepSize.bytes)[0] = -LearningRate / (1 - Math.Pow(Settings.Beta1, StepCount));
        _denominator.copy_(_expAvgSq).sqrt_().div_(_correction2Sqrt).add_(_epsilon, CachedScalars.One).div_(_negativeStepSize);
        Parameters.Values.addcdiv_(_expAvg, _denominator, CachedScalars.One);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        foreach (var tensor in new[] { _expAvg, _expAvgSq, _denominator, _correction2Sqrt, _negativeStepSize })
            tensor.Dispose();
        foreach (var scalar in new[] { _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon, _weightDecay })
            scalar.Dispose();
    }
}
