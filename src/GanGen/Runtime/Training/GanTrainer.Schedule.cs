using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// The schedule beyond n_critic and order: several generator updates per round, and an adaptive schedule that trains
// whichever network lags while one loss runs away from the other.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    private float _balanceDiscriminatorLoss = float.NaN;
    private float _balanceGeneratorLoss = float.NaN;

    /// <summary>
    /// The round's generator updates: the first on <paramref name="fake"/> when the step already generated it (its
    /// generator pass is open), every other one on fresh noise in a pass of its own.
    /// </summary>
    private void TrainGenerator(GanBatch real, Tensor? fake)
    {
        for (int update = 0; update < Config.GeneratorSteps; update++)
        {
            if (update == 0 && fake is not null)
            {
                UpdateGenerator(real, fake);
                EndGeneratorPass();
                continue;
            }
            TrainGeneratorOnce(real);
        }
    }

    /// <summary>
    /// Adaptive schedule: while the generator's last loss exceeds Ratio times the discriminator's, the generator gets
    /// another update (at most MaxSteps); then the same for the discriminator. Each extra update uses fresh noise.
    /// </summary>
    private void Rebalance(GanBatch real)
    {
        double ratio = Config.AdaptiveRatio;
        for (int extra = 0; extra < Config.AdaptiveMaxSteps && _balanceGeneratorLoss > ratio * _balanceDiscriminatorLoss; extra++)
            TrainGenerator(real, fake: null);
        for (int extra = 0; extra < Config.AdaptiveMaxSteps && _balanceDiscriminatorLoss > ratio * _balanceGeneratorLoss; extra++)
            UpdateDiscriminatorOnFreshFakes(real, record: true);
    }

    /// <param name="real">The real batch.</param>
    /// <param name="record">Whether the update counts toward the metrics.</param>
    /// <param name="noise">A noise buffer to refill; the step's own unless a generator graph still reads that one.</param>
    /// <summary>A discriminator update on fresh fakes.</summary>
    private void UpdateDiscriminatorOnFreshFakes(GanBatch real, bool record, Tensor? noise = null)
    {
        Tensor fake;
        BeginGeneratorPass();
        try
        {
            using (no_grad()) fake = Fake(real, noise ?? (Config.IsRefiner ? null : NoiseFor(real.Count)));
        }
        finally
        {
            EndGeneratorPass();
        }
        using (fake) UpdateDiscriminator(real, fake, record);
    }
}
