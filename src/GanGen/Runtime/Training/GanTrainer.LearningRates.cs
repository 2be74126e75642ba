using System;

namespace GanGen.Runtime.Training;

// Learning-rate schedules applied to both optimizers relative to the declared rates.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    /// <summary>
    /// Sets both learning rates to <paramref name="factor"/> times their declared values, for schedules such as the
    /// linear decay to zero used by the WGAN-GP reference training (Gulrajani et al. 2017).
    /// </summary>
    public void ScaleLearningRates(double factor)
    {
        if (!(factor >= 0) || double.IsInfinity(factor))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The learning-rate factor must be a finite number ≥ 0.");
        GeneratorOptimizer.LearningRate = Config.Generator.LearningRate * factor;
        DiscriminatorOptimizer.LearningRate = Config.Discriminator.LearningRate * factor;
    }

    /// <summary>Linear decay: declared rates at step 0, falling to zero at <paramref name="totalSteps"/>.</summary>
    public void DecayLearningRatesLinearly(long totalSteps)
    {
        if (totalSteps < 1) throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, "The schedule needs at least one step.");
        ScaleLearningRates(Math.Max(0.0, 1.0 - (double)StepCount / totalSteps));
    }
}
