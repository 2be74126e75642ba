using System;
using System.Collections.Generic;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Twin;

/// <summary>What a declaration draws from the global generator besides noise: the gradient penalty's ε, the image history's picks.</summary>
/// <param name="GradientPenalty">A [GradientPenalty] draws ε ~ U(0, 1) per (packed) sample in each discriminator update.</param>
/// <param name="HistoryShare">An [ImageHistory]'s Share, or 0 without one.</param>
/// <param name="HistoryCapacity">An [ImageHistory]'s Capacity.</param>
public readonly record struct DeclaredDraws(bool GradientPenalty = false, double HistoryShare = 0, int HistoryCapacity = 0);

/// <summary>
/// Recovers the random tensors one GanGen training step drew, by re-seeding the global generator as the step was
/// seeded and drawing again in the step's order — the noise (twice when the generator updates first), the image
/// history's picks and replacement positions, the gradient penalty's ε — so the twin can be fed GanGen's own draws
/// instead of relying on two frameworks' generators agreeing. The twin asks for each in its own order and checks
/// every shape, so a different order fails the oracle.
/// </summary>
internal sealed class DrawReplay
{
    private readonly GanTrainerConfig _config;
    private readonly DeclaredDraws _declared;
    private readonly long _batch;
    private long _historyFilled;

    public DrawReplay(GanTrainerConfig config, DeclaredDraws declared, long batch)
    {
        _config = config;
        _declared = declared;
        _batch = batch;
    }

    /// <summary>Adds step <paramref name="step"/>'s draws to <paramref name="draws"/>, named "{step}.{draw}"; the global generator must be seeded as it was before the step.</summary>
    public void Record(int step, bool generatorUpdated, IDictionary<string, Tensor> draws)
    {
        int index = 0;
        void Add(Tensor tensor) => draws[$"{step:D4}.{index++:D2}"] = tensor;

        if (!_config.IsRefiner)
        {
            if (generatorUpdated && _config.Order == GanGen.TrainingOrder.GeneratorFirst) Add(Noise());
            Add(Noise());
        }
        if (_declared.HistoryShare > 0)
        {
            long share = Math.Min(_batch, (long)Math.Round(_declared.HistoryShare * _batch));
            if (share > 0 && _historyFilled >= share) Add(randint(0, _historyFilled, new[] { share }, dtype: ScalarType.Int64));
            long free = Math.Min(share, _declared.HistoryCapacity - _historyFilled);
            _historyFilled += free;
            if (share - free > 0) Add(randint(0, _declared.HistoryCapacity, new[] { share - free }, dtype: ScalarType.Int64));
        }
        if (_declared.GradientPenalty)
        {
            var shape = new long[_config.DataShape.Length + 1];
            Array.Fill(shape, 1L);
            shape[0] = _batch / _config.Pack;
            Add(rand(shape));
        }
    }

    private Tensor Noise() => _config.Latent == GanGen.LatentDistribution.Uniform
        ? empty(_batch, _config.LatentSize).uniform_(-1.0, 1.0)
        : randn(_batch, _config.LatentSize);
}
