using GanGen.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Optimization;

/// <summary>SGD over one flat buffer; the arithmetic of torch.optim.SGD (no dampening, no Nesterov).</summary>
public sealed class LeanSgd : GanOptimizer
{
    private readonly Tensor? _momentumBuffer;
    private readonly Scalar _momentum;
    private Scalar _negativeLearningRate;
    private readonly Scalar _weightDecay;

    /// <summary>Creates SGD state for <paramref name="parameters"/>.</summary>
    public LeanSgd(FlatParameters parameters, OptimizerSettings settings) : base(parameters, settings)
    {
        _momentumBuffer = settings.Momentum != 0 ? zeros_like(parameters.Values) : null;
        _momentum = settings.Momentum;
        _negativeLearningRate = -settings.LearningRate;
        _weightDecay = settings.WeightDecay;
    }

    /// <inheritdoc />
    public override System.Collections.Generic.IEnumerable<(string Name, Tensor State)> StateTensors()
    {
        if (_momentumBuffer is not null) yield return ("momentum_buffer", _momentumBuffer);
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
        if (_momentumBuffer is null)
        {
            Parameters.Values.add_(gradient, _negativeLearningRate);
            return;
        }
        // torch.optim.SGD starts the buffer as a copy of the first gradient.
        if (StepCount == 1) _momentumBuffer.copy_(gradient);
        else _momentumBuffer.mul_(_momentum).add_(gradient, CachedScalars.One);
        Parameters.Values.add_(_momentumBuffer, _negativeLearningRate);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _momentumBuffer?.Dispose();
        _momentum.Dispose();
        _negativeLearningRate.Dispose();
        _weightDecay.Dispose();
    }
}
