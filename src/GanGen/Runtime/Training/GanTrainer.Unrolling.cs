using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

// Unrolled GAN (Metz et al. 2017): the generator's loss is taken against the discriminator as it will be after
// UnrollSteps more updates on the current batch; afterwards the discriminator is restored bit for bit.
public abstract partial class GanTrainer<TGenerator, TDiscriminator>
{
    private Tensor? _unrollValues;
    private Tensor? _lookAheadNoise;
    private List<(Tensor Live, Tensor Saved)>? _unrollState;

    /// <summary>
    /// Saves the discriminator (weights, buffers, optimizer state and step count), takes the look-ahead updates (not
    /// recorded in the metrics) and returns the snapshot, which restores the discriminator when disposed. The
    /// generator's gradient flows through the unrolled discriminator's weights but not through the unrolling
    /// updates themselves (the first-order form of Metz et al.'s surrogate objective).
    /// </summary>
    private UnrollSnapshot Unroll(GanBatch real)
    {
        _unrollValues ??= empty_like(DiscriminatorParameters.Values).DetachFromDisposeScope();
        _unrollState ??= SavedDiscriminatorState();
        using (no_grad())
        {
            _unrollValues.copy_(DiscriminatorParameters.Values);
            foreach (var (live, saved) in _unrollState) saved.copy_(live);
        }
        long optimizerSteps = DiscriminatorOptimizer.StepCount;
        // The generator's batch being unrolled for still reads the step's noise buffer in its backward: the look-ahead
        // draws into a buffer of its own.
        if (!Config.IsRefiner && (_lookAheadNoise is null || _lookAheadNoise.size(0) != real.Count))
        {
            _lookAheadNoise?.Dispose();
            _lookAheadNoise = empty(real.Count, Config.LatentSize, device: Device).DetachFromDisposeScope();
        }
        for (int step = 0; step < Config.UnrollSteps; step++) UpdateDiscriminatorOnFreshFakes(real, record: false, _lookAheadNoise);
        return new UnrollSnapshot(this, optimizerSteps);
    }

    /// <summary>One generator update on fresh noise outside the schedule, for tests of what an update leaves behind.</summary>
    internal void UpdateGeneratorOnce(GanBatch batch)
    {
        using var onDevice = new DeviceBatch(batch, Device);
        TrainGeneratorOnce(onDevice.Batch);
    }

    private void TrainGeneratorOnce(GanBatch real)
    {
        BeginGeneratorPass();
        try
        {
            using var fresh = Fake(real);
            UpdateGenerator(real, fresh);
        }
        finally
        {
            EndGeneratorPass();
        }
    }

    /// <summary>Every tensor of the discriminator besides its flat parameters that an update changes, with a buffer to keep it in.</summary>
    private List<(Tensor Live, Tensor Saved)> SavedDiscriminatorState()
    {
        var state = new List<(Tensor, Tensor)>();
        foreach (var (_, buffer) in Discriminator.named_buffers()) state.Add((buffer, empty_like(buffer).DetachFromDisposeScope()));
        foreach (var (_, tensor) in DiscriminatorOptimizer.StateTensors()) state.Add((tensor, empty_like(tensor).DetachFromDisposeScope()));
        return state;
    }

    private void RestoreDiscriminator(long optimizerSteps)
    {
        using (no_grad())
        {
            DiscriminatorParameters.Values.copy_(_unrollValues!);
            foreach (var (live, saved) in _unrollState!) live.copy_(saved);
        }
        DiscriminatorOptimizer.StepCount = optimizerSteps;
    }

    private void DisposeUnrollState()
    {
        _unrollValues?.Dispose();
        _lookAheadNoise?.Dispose();
        if (_unrollState is null) return;
        foreach (var (_, saved) in _unrollState) saved.Dispose();
    }

    /// <summary>Restores the discriminator of an unrolled look-ahead when disposed; the default value restores nothing.</summary>
    private readonly struct UnrollSnapshot : IDisposable
    {
        private readonly GanTrainer<TGenerator, TDiscriminator>? _trainer;
        private readonly long _optimizerSteps;

        public UnrollSnapshot(GanTrainer<TGenerator, TDiscriminator> trainer, long optimizerSteps)
        {
            _trainer = trainer;
            _optimizerSteps = optimizerSteps;
        }

        public void Dispose() => _trainer?.RestoreDiscriminator(_optimizerSteps);
    }
}
