namespace GanGen.Runtime.Optimization;

/// <summary>Optimizer families GanGen can generate.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba 2015), as torch.optim.Adam without amsgrad.</summary>
    Adam = 0,
    /// <summary>RMSprop, as torch.optim.RMSprop without momentum or centering.</summary>
    RMSprop = 1,
    /// <summary>SGD with optional momentum, as torch.optim.SGD without dampening or Nesterov.</summary>
    Sgd = 2,
}

/// <summary>Resolved hyper-parameters of one network's optimizer (defaults already applied by the generator).</summary>
/// <param name="Kind">Optimizer family.</param>
/// <param name="LearningRate">Step size.</param>
/// <param name="Beta1">Adam first-moment decay.</param>
/// <param name="Beta2">Adam second-moment decay.</param>
/// <param name="Epsilon">Denominator epsilon (Adam, RMSprop).</param>
/// <param name="WeightDecay">L2 coefficient added to gradients.</param>
/// <param name="Alpha">RMSprop smoothing constant.</param>
/// <param name="Momentum">SGD momentum.</param>
public readonly record struct OptimizerSettings(
    OptimizerKind Kind,
    double LearningRate,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8,
    double WeightDecay = 0,
    double Alpha = 0.99,
    double Momentum = 0)
{
    /// <summary>A copy with another learning rate (command-line overrides, TTUR experiments).</summary>
    public OptimizerSettings WithLearningRate(double learningRate) => this with { LearningRate = learningRate };
}
