using System;
using System.Collections.Generic;
using GanGen.Runtime.Regularization;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Twin;

/// <summary>What a declaration draws from the global generator besides the generator's noise, per discriminator or generator update.</summary>
/// <param name="GradientPenalty">A [GradientPenalty] draws ε ~ U(0, 1) per (packed) sample in each discriminator update.</param>
/// <param name="HistoryShare">An [ImageHistory]'s Share, or 0 without one.</param>
/// <param name="HistoryCapacity">An [ImageHistory]'s Capacity.</param>
/// <param name="InstanceNoise">An [InstanceNoise]'s schedule: N(0, 1) shaped like each (packed) discriminator input while σ_t &gt; 0.</param>
/// <param name="FlipScores">With [LabelFlip], the shape of one (packed) sample's scores: a U(0, 1) mask for the real scores, then one for the fake scores, in each discriminator update.</param>
/// <param name="Dragan">A [DraganPenalty] draws U(0, 1) shaped like the (packed) real batch in each discriminator update.</param>
/// <param name="Augment">A [DiffAugment] declared after any [InstanceNoise]: U(0, 1) of shape [k, N] per augmentation, per discriminator input.</param>
public readonly record struct DeclaredDraws(
    bool GradientPenalty = false,
    double HistoryShare = 0,
    int HistoryCapacity = 0,
    InstanceNoise? InstanceNoise = null,
    long[]? FlipScores = null,
    bool Dragan = false,
    DiffAugment? Augment = null);

/// <summary>
/// Recovers the random tensors one GanGen training step drew, by re-seeding the global generator as the step was
/// seeded and drawing again in the step's order, so the twin can be fed GanGen's own draws instead of relying on two
/// frameworks' generators agreeing. The order follows GanTrainer: the generator's rounds (each update's unrolled
/// look-ahead discriminator updates, then instance noise on what the discriminator sees), the step's noise, the
/// discriminator update (image history, instance noise and augmentation, flip masks, the gradient penalty's ε or DRAGAN's
/// perturbation), and an adaptive schedule's extra rounds — their number read from the update counters. The twin asks
/// for each in its own order and checks every shape, so a different order fails the oracle.
/// </summary>
internal sealed class DrawReplay
{
    private readonly GanTrainerConfig _config;
    private readonly DeclaredDraws _declared;
    private readonly long _batch;
    private long _historyFilled;
    private IDictionary<string, Tensor> _draws = new Dictionary<string, Tensor>();
    private int _step;
    private int _index;

    public DrawReplay(GanTrainerConfig config, DeclaredDraws declared, long batch)
    {
        _config = config;
        _declared = declared;
        _batch = batch;
    }

    /// <summary>
    /// Adds step <paramref name="step"/>'s draws to <paramref name="draws"/>, named "{step}.{draw}"; the global generator
    /// must be seeded as it was before the step, which made <paramref name="generatorUpdates"/> generator and
    /// <paramref name="discriminatorUpdates"/> (recorded) discriminator updates.
    /// </summary>
    public void Record(int step, long generatorUpdates, long discriminatorUpdates, IDictionary<string, Tensor> draws)
    {
        _draws = draws;
        _step = step;
        _index = 0;
        int rounds = _config.GeneratorSteps;
        bool updateGenerator = generatorUpdates > 0;
        // An adaptive schedule adds whole generator rounds, then single discriminator updates on fresh fakes.
        long extraRounds = updateGenerator ? (generatorUpdates - rounds) / rounds : 0;
        long extraDiscriminator = discriminatorUpdates - 1;
        Assert.True(extraRounds >= 0 && (generatorUpdates == 0 || generatorUpdates % rounds == 0) && extraDiscriminator >= 0,
            $"step {step}: {generatorUpdates} generator and {discriminatorUpdates} discriminator updates do not fit the schedule");
        bool generatorFirst = _config.Order == GanGen.TrainingOrder.GeneratorFirst;

        if (updateGenerator && generatorFirst) GeneratorRound(reusesFake: false);
        Noise();
        DiscriminatorUpdate();
        if (updateGenerator && !generatorFirst) GeneratorRound(reusesFake: true);
        for (long round = 0; round < extraRounds; round++) GeneratorRound(reusesFake: false);
        for (long extra = 0; extra < extraDiscriminator; extra++)
        {
            Noise();
            DiscriminatorUpdate();
        }
    }

    /// <summary>GeneratorSteps updates, each on fresh noise except the first when it reuses the step's fakes.</summary>
    private void GeneratorRound(bool reusesFake)
    {
        for (int update = 0; update < _config.GeneratorSteps; update++)
        {
            if (update > 0 || !reusesFake) Noise();
            for (int lookAhead = 0; lookAhead < _config.UnrollSteps; lookAhead++)
            {
                Noise();
                DiscriminatorUpdate();
            }
            DiscriminatorInput(Packed());
            DiscriminatorInput(Packed());
        }
    }

    private void DiscriminatorUpdate()
    {
        var packed = Packed();
        if (_declared.HistoryShare > 0)
        {
            long share = Math.Min(_batch, (long)Math.Round(_declared.HistoryShare * _batch));
            if (share > 0 && _historyFilled >= share) Add(randint(0, _historyFilled, new[] { share }, dtype: ScalarType.Int64));
            long free = Math.Min(share, _declared.HistoryCapacity - _historyFilled);
            _historyFilled += free;
            if (share - free > 0) Add(randint(0, _declared.HistoryCapacity, new[] { share - free }, dtype: ScalarType.Int64));
        }
        DiscriminatorInput(packed);
        DiscriminatorInput(packed);
        if (_declared.FlipScores is { } scores)
        {
            var shape = new long[scores.Length + 1];
            shape[0] = packed[0];
            Array.Copy(scores, 0, shape, 1, scores.Length);
            Add(rand(shape));
            Add(rand(shape));
        }
        if (_declared.GradientPenalty)
        {
            var shape = new long[packed.Length];
            Array.Fill(shape, 1L);
            shape[0] = packed[0];
            Add(rand(shape));
        }
        if (_declared.Dragan) Add(rand(packed));
    }

    /// <summary>What the discriminator-input hooks draw for one input, in declaration order (instance noise, then augmentation).</summary>
    private void DiscriminatorInput(long[] shape)
    {
        if (_declared.InstanceNoise is { } noise && noise.SigmaAt(_step) != 0) Add(randn(shape));
        if (_declared.Augment is not { } augment) return;
        if (augment.Policy.HasFlag(GanGen.Augmentations.Color)) Add(rand(shape[1] > 1 ? 3 : 2, shape[0]));
        if (augment.Policy.HasFlag(GanGen.Augmentations.Translation)) Add(rand(2, shape[0]));
        if (augment.Policy.HasFlag(GanGen.Augmentations.Cutout)) Add(rand(2, shape[0]));
    }

    private void Noise()
    {
        if (_config.IsRefiner) return;
        Add(_config.Latent == GanGen.LatentDistribution.Uniform ? empty(_batch, _config.LatentSize).uniform_(-1.0, 1.0) : randn(_batch, _config.LatentSize));
    }

    /// <summary>The shape of a batch as the discriminator takes it: [N / Pack, Pack·d0, d1, …].</summary>
    private long[] Packed()
    {
        var shape = new long[_config.DataShape.Length + 1];
        shape[0] = _batch / _config.Pack;
        for (int i = 0; i < _config.DataShape.Length; i++) shape[i + 1] = _config.DataShape[i] * (i == 0 ? _config.Pack : 1);
        return shape;
    }

    private void Add(Tensor tensor) => _draws[$"{_step:D4}.{_index++:D3}"] = tensor;
}
