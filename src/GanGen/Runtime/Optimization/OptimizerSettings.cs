namespace GanGen.Runtime.Optimization;

// OptimizerKind lives in the declaration language (GanGen.OptimizerKind): the attribute names the kind.

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
