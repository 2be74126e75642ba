using GanGen.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Optimization;

/// <summary>RMSprop over one flat buffer; the arithmetic of torch.optim.RMSprop (no momentum, not centered).</summary>
public sealed class LeanRMSprop : GanOptimizer
{
    private readonly Tensor _squareAvg;
    private readonly Tensor _denominator;
    private readonly Scalar _alpha;
    private readonly Scalar _oneMinusAlpha;
    private readonly Scalar _epsilon;
    private Scalar _negativeLearningRate;
    private readonly Scalar _weightDecay;

    /// <summary>Creates RMSprop state for <paramref name="parameters"/>.</summary>
    public LeanRMSprop(FlatParameters parameters, OptimizerSettings settings) : base(parameters, settings)
    {
        _squareAvg = zeros_like(parameters.Values);
        _denominator = zeros_like(parameters.Values);
        _alpha = settings.Alpha;
        _oneMinusAlpha = 1 - settings.Alpha;
        _epsilon = settings.Epsilon;
        _negativeLearningRate = -settings.LearningRate;
        _weightDecay = settings.WeightDecay;
    }

    /// <inheritdoc />
    public override System.Collections.Generic.IEnumerable<(string Name, Tensor State)> StateTensors()
    {
        yield return ("square_avg", _squareAvg);
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
        _squareAvg.mul_(_alpha).addcmul_(gradient, gradient, _oneMinusAlpha);
        _denominator.copy_(_squareAvg).sqrt_().add_(_epsilon, CachedScalars.One);
        Parameters.Values.addcdiv_(gradient, _denominator, _negativeLearningRate);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _squareAvg.Dispose();
        _denominator.Dispose();
        _alpha.Dispose();
        _oneMinusAlpha.Dispose();
        _epsilon.Dispose();
        _negativeLearningRate.Dispose();
        _weightDecay.Dispose();
    }
}
