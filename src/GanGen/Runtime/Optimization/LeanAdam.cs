using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Optimization;

/// <summary>
/// Adam (amsgrad off) over one flat buffer: the update of torch.optim.Adam as a fixed handful of whole-buffer ops.
/// The bias corrections live in 0-dim float64 tensors updated in place, so a step creates no tensor, no Scalar and
/// no managed object at all; results match torch.optim.Adam to float rounding (tested to 1e-6 relative).
/// </summary>
public sealed class LeanAdam : GanOptimizer
{
    private readonly Tensor _expAvg;
    private readonly Tensor _expAvgSq;
    private readonly Tensor _denominator;
    private readonly Tensor _beta1Power;
    private readonly Tensor _beta2Power;
    private readonly Tensor _stepScale;
    private readonly Tensor _correction2Sqrt;
    private readonly Scalar _beta1;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;
    private readonly Scalar _weightDecay;
    private readonly Scalar _one;
    private Scalar _negativeLearningRate;

    /// <summary>Creates Adam state for <paramref name="parameters"/>.</summary>
    public LeanAdam(FlatParameters parameters, OptimizerSettings settings) : base(parameters, settings)
    {
        _expAvg = zeros_like(parameters.Values);
        _expAvgSq = zeros_like(parameters.Values);
        _denominator = zeros_like(parameters.Values);
        var device = parameters.Values.device;
        _beta1Power = ones(new long[0], dtype: float64, device: device);
        _beta2Power = ones(new long[0], dtype: float64, device: device);
        _stepScale = zeros(new long[0], dtype: float64, device: device);
        _correction2Sqrt = zeros(new long[0], dtype: float64, device: device);
        _beta1 = settings.Beta1;
        _oneMinusBeta1 = 1 - settings.Beta1;
        _beta2 = settings.Beta2;
        _oneMinusBeta2 = 1 - settings.Beta2;
        _epsilon = settings.Epsilon;
        _weightDecay = settings.WeightDecay;
        _one = 1.0;
        _negativeLearningRate = -settings.LearningRate;
    }

    /// <inheritdoc />
    public override System.Collections.Generic.IEnumerable<(string Name, Tensor State)> StateTensors()
    {
        yield return ("exp_avg", _expAvg);
        yield return ("exp_avg_sq", _expAvgSq);
        yield return ("beta1_power", _beta1Power);
        yield return ("beta2_power", _beta2Power);
    }

    /// <inheritdoc />
    protected override void OnLearningRateChanged()
    {
        _negativeLearningRate.Dispose();
        _negativeLearningRate = -LearningRate;
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

        // β^t, then −lr / (1 − β1^t) and √(1 − β2^t), all in place on the device.
        _beta1Power.mul_(_beta1);
        _beta2Power.mul_(_beta2);
        _stepScale.copy_(_beta1Power).neg_().add_(_one, _one).reciprocal_().mul_(_negativeLearningRate);
        _correction2Sqrt.copy_(_beta2Power).neg_().add_(_one, _one).sqrt_();

        // p ← p − lr/(1 − β1^t) · m / (√v / √(1 − β2^t) + ε), the same expression torch.optim.Adam evaluates.
        _denominator.copy_(_expAvgSq).sqrt_().div_(_correction2Sqrt).add_(_epsilon, _one);
        Parameters.Values.add_(_denominator.reciprocal_().mul_(_expAvg).mul_(_stepScale), _one);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        foreach (var tensor in new[] { _expAvg, _expAvgSq, _denominator, _beta1Power, _beta2Power, _stepScale, _correction2Sqrt })
            tensor.Dispose();
        foreach (var scalar in new[] { _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon, _weightDecay, _one, _negativeLearningRate })
            scalar.Dispose();
    }
}
