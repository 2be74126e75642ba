using System;
using GanGen.Runtime.Kernels;
using GanGen.Runtime.Optimization;
using GanGen.Runtime.Regularization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

/// <summary>
/// The training loop every generated GAN inherits: the standard step order (pytorch/examples DCGAN: D on real and
/// on detached fakes, D update, then G through the updated D), n_critic and training order, intermediates disposed
/// where they are last used (no dispose scope), lean flat-buffer optimizers and metrics accumulated on the device.
/// Generated code supplies how the networks are called (<see cref="GeneratorForward"/>, <see cref="ScoreWithDiscriminator"/>) and the
/// declared loss with its regularisers (<see cref="DiscriminatorLoss"/>, <see cref="GeneratorLoss"/>). A
/// <see cref="GanBatch"/> carries what the declaration's networks take besides the real samples: labels, sources.
/// </summary>
/// <typeparam name="TGenerator">The generated generator module.</typeparam>
/// <typeparam name="TDiscriminator">The generated discriminator module.</typeparam>
public abstract partial class GanTrainer<TGenerator, TDiscriminator> : IDiscriminatorScorer, IDisposable
    where TGenerator : nn.Module, IKernelChecked
    where TDiscriminator : nn.Module, IKernelChecked
{
    // RealSumIndex: the real batches' float64 sum, NaN/±∞ exactly when some batch held such values.
    private const int LossD = 0, LossG = 1, RealScoreIndex = 2, FakeScoreIndex = 3, RealSumIndex = 4, MetricCount = 5;

    private readonly Tensor _metricSums;
    private readonly Tensor[] _metricSlots;
    private readonly long[] _latentShape;
    // Sample() draws from its own generator, so monitoring never shifts the training run's random stream.
    private const ulong SamplingSeedSalt = 0x53414D504C45UL; // "SAMPLE"
    private readonly torch.Generator _samplingRandom;
    private Tensor? _noise;
    private readonly int _fixedCount;
    private long _discriminatorUpdatesSinceRead;
    private long _generatorUpdatesSinceRead;
    private float? _lastGeneratorLoss;
    private bool _disposed;

    /// <summary>
    /// Seeds the global RNG, builds both networks on <paramref name="device"/>, flattens their parameters and
    /// creates the optimizers. Construct trainers outside any dispose scope: module buffers registered inside one are
    /// disposed with it.
    /// </summary>
    protected GanTrainer(
        GanTrainerConfig config,
        Func<TGenerator> createGenerator,
        Func<TDiscriminator> createDiscriminator,
        Device? device,
        long seed,
        int fixedNoiseCount)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(createGenerator);
        ArgumentNullException.ThrowIfNull(createDiscriminator);
        if (fixedNoiseCount < 1) throw new ArgumentOutOfRangeException(nameof(fixedNoiseCount), fixedNoiseCount, "At least one fixed noise vector is needed.");
        config.Validate();
        Config = config;
        Device = device ?? CPU;
        Seed = seed;
        _latentShape = new long[] { 0, config.LatentSize };

        manual_seed(seed);
        Generator = createGenerator();
        Discriminator = createDiscriminator();
        Generator.to(Device);
        Discriminator.to(Device);
        // The networks checked their layers on the CPU, where they were built; a trainer elsewhere checks them there too.
        if (Device.type != DeviceType.CPU)
        {
            KernelCheck.Verify(TGenerator.KernelProbes, Device);
            KernelCheck.Verify(TDiscriminator.KernelProbes, Device);
        }
        Generator.train();
        Discriminator.train();

        GeneratorParameters = new FlatParameters(Generator);
        DiscriminatorParameters = new FlatParameters(Discriminator);
        GeneratorOptimizer = GanOptimizer.Create(GeneratorParameters, config.Generator);
        GeneratorAverage = config.GeneratorAverage > 0 ? new WeightAverage(GeneratorParameters, config.GeneratorAverage) : null;
        DiscriminatorOptimizer = GanOptimizer.Create(DiscriminatorParameters, config.Discriminator);

        _samplingRandom = new torch.Generator(unchecked((ulong)seed ^ SamplingSeedSalt), CPU);
        if (!config.IsRefiner) FixedNoise = CreateNoise(fixedNoiseCount);
        if (config.IsConditional) FixedLabels = GridLabels(fixedNoiseCount);
        _fixedCount = fixedNoiseCount;
        _metricSums = zeros(MetricCount, dtype: float64, device: Device);
        _metricSlots = new Tensor[MetricCount];
        for (int i = 0; i < _metricSlots.Length; i++) _metricSlots[i] = _metricSums.narrow(0, i, 1);
    }

    /// <summary>The resolved declaration.</summary>
    public GanTrainerConfig Config { get; }

    /// <summary>Where the networks and buffers live.</summary>
    public Device Device { get; }

    /// <summary>The seed the networks were initialised with.</summary>
    public long Seed { get; }

    /// <summary>The generator network.</summary>
    public TGenerator Generator { get; }

    /// <summary>The discriminator (critic) network.</summary>
    public TDiscriminator Discriminator { get; }

    /// <summary>The generator's optimizer.</summary>
    public GanOptimizer GeneratorOptimizer { get; }

    /// <summary>The discriminator's optimizer.</summary>
    public GanOptimizer DiscriminatorOptimizer { get; }

    /// <summary>The generator's parameters as one flat buffer.</summary>
    public FlatParameters GeneratorParameters { get; }

    /// <summary>The discriminator's parameters as one flat buffer.</summary>
    public FlatParameters DiscriminatorParameters { get; }

    /// <summary>The moving average of the generator's weights that sampling uses, when declared.</summary>
    public WeightAverage? GeneratorAverage { get; }

    /// <summary>A noise batch drawn once at construction, so samples are comparable across training (null for a refiner).</summary>
    public Tensor? FixedNoise { get; }

    /// <summary>Number of completed <see cref="Step"/> calls.</summary>
    public long StepCount { get; private set; }

    /// <summary>Number of generator updates so far.</summary>
    public long GeneratorUpdates { get; private set; }

    /// <summary>Number of discriminator updates so far (look-aheads of an unrolled GAN excluded).</summary>
    public long DiscriminatorUpdates { get; private set; }

    /// <summary>
    /// One training step on <paramref name="batch"/> (real samples [N, …data shape], plus labels or sources when the
    /// declaration takes them) followed by a read-back of its metrics. Use <see cref="Step"/> plus periodic
    /// <see cref="ReadMetrics"/> to avoid a device sync every step.
    /// A batch holding NaN or ±∞ is rejected with an <see cref="ArgumentException"/> before anything trains on it.
    /// </summary>
    public GanStepMetrics TrainStep(GanBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RejectNonFiniteBatch(batch.Data ?? throw new ArgumentNullException(nameof(batch)));
        Step(batch);
        return ReadMetrics();
    }

    /// <summary>
    /// One discriminator update, plus a generator update when the n_critic cycle calls for one. Metrics stay on the
    /// device until <see cref="ReadMetrics"/>. A plain tensor converts to a batch of real samples alone. Without a
    /// device sync Step cannot reject a batch holding NaN or ±∞ before training on it; it folds the batch into a
    /// device-side check that the next <see cref="ReadMetrics"/> reports as <see cref="GanStepMetrics.NonFiniteRealData"/>
    /// (use <see cref="TrainStep"/> to reject such a batch).
    /// </summary>
    public void Step(GanBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidateBatch(batch);
        // No dispose scope: every intermediate is disposed where it is last used (generated forward passes, the
        // losses, this method), which spares the scope's per-step bookkeeping allocations.
        using var onDevice = new DeviceBatch(batch, Device);
        var real = onDevice.Batch;
        long phase = StepCount % Config.CriticSteps;
        bool discriminatorFirst = Config.Order == TrainingOrder.DiscriminatorFirst;
        bool updateGenerator = discriminatorFirst ? phase == Config.CriticSteps - 1 : phase == 0;

        if (updateGenerator && !discriminatorFirst) TrainGenerator(real, fake: null);

        BeginGeneratorPass();
        Tensor fake;
        if (updateGenerator && discriminatorFirst)
        {
            fake = Fake(real);
        }
        else
        {
            using (no_grad()) fake = Fake(real);
        }
        using (fake)
        {
            using (var detached = fake.detach()) UpdateDiscriminator(real, detached, record: true);
            if (updateGenerator && discriminatorFirst) TrainGenerator(real, fake);
            else EndGeneratorPass();
        }
        if (updateGenerator && Config.AdaptiveRatio > 0) Rebalance(real);
        if (Config.IsRefiner && FixedSources is null) CaptureFixedSources(real);
        StepCount++;
    }

    /// <summary>Averages the metrics accumulated since the previous read, then resets the accumulators.</summary>
    public GanStepMetrics ReadMetrics()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        double lossD = 0, lossG = 0, real = 0, fake = 0, realSum = 0;
        if (_discriminatorUpdatesSinceRead + _generatorUpdatesSinceRead > 0)
        {
            using var host = _metricSums.cpu();
            var sums = host.data<double>();
            lossD = sums[LossD];
            lossG = sums[LossG];
            real = sums[RealScoreIndex];
            fake = sums[FakeScoreIndex];
            realSum = sums[RealSumIndex];
        }
        if (_generatorUpdatesSinceRead > 0) _lastGeneratorLoss = (float)(lossG / _generatorUpdatesSinceRead);
        double d = Math.Max(1, _discriminatorUpdatesSinceRead);
        var metrics = new GanStepMetrics((float)(lossD / d), _lastGeneratorLoss, (float)(real / d), (float)(fake / d), StepCount,
            NonFiniteRealData: !double.IsFinite(realSum));
        using (Scalar zero = 0.0) _metricSums.fill_(zero);
        _discriminatorUpdatesSinceRead = 0;
        _generatorUpdatesSinceRead = 0;
        return metrics;
    }

    /// <summary>Runs the generator on noise [N, LatentSize] (a refiner: on source samples), with the labels when it is conditional.</summary>
    protected abstract Tensor GeneratorForward(Tensor input, Tensor? labels);

    /// <summary>The discriminator's raw scores of <paramref name="samples"/>, with the labels when it is conditional.</summary>
    protected abstract Tensor ScoreWithDiscriminator(Tensor samples, Tensor? labels);

    Tensor IDiscriminatorScorer.Score(Tensor samples, Tensor? labels) => ScoreWithDiscriminator(samples, labels);

    /// <summary>The declared discriminator loss and its regularisers on the real batch and a (detached) fake batch; outputs the raw scores.</summary>
    protected abstract Tensor DiscriminatorLoss(GanBatch real, Tensor fake, out Tensor realScores, out Tensor fakeScores);

    /// <summary>The declared generator loss and its regularisers for a fake batch that still carries the generator's graph.</summary>
    protected abstract Tensor GeneratorLoss(GanBatch real, Tensor fake);

    /// <summary>Runs after each discriminator update (weight clipping).</summary>
    protected virtual void AfterDiscriminatorUpdate()
    {
    }

    /// <summary>The fake batch the discriminator trains on instead of <paramref name="fake"/> (a history mix, owned by the caller), or null.</summary>
    protected virtual Tensor? DiscriminatorFakes(Tensor fake) => null;

    /// <summary>The discriminator's scores of <paramref name="samples"/> without a graph (what a relativistic generator loss compares with).</summary>
    protected Tensor ScoreWithoutGradient(Tensor samples, Tensor? labels)
    {
        using var _ = no_grad();
        return ScoreWithDiscriminator(samples, labels);
    }

    /// <summary>Runs after the discriminator's backward and before its optimizer step (weight penalty, gradient clipping).</summary>
    protected virtual void BeforeDiscriminatorStep()
    {
    }

    /// <summary>Runs after the generator's backward and before its optimizer step (gradient clipping).</summary>
    protected virtual void BeforeGeneratorStep()
    {
    }

    /// <summary>What the discriminator sees instead of <paramref name="samples"/> (e.g. with instance noise), owned by the caller, or null.</summary>
    protected virtual Tensor? DiscriminatorInput(Tensor samples) => null;

    /// <summary>Starts an update of, or through, the discriminator: per-update state (spectral norms) may be shared until the matching end.</summary>
    protected virtual void BeginDiscriminatorPass()
    {
    }

    /// <summary>Ends a discriminator pass: its weights may change now.</summary>
    protected virtual void EndDiscriminatorPass()
    {
    }

    /// <summary>Starts a generator pass (from its forward to its update).</summary>
    protected virtual void BeginGeneratorPass()
    {
    }

    /// <summary>Ends a generator pass.</summary>
    protected virtual void EndGeneratorPass()
    {
    }

    /// <summary>Regularisers whose state checkpoints keep.</summary>
    protected virtual System.Collections.Generic.IEnumerable<IStatefulRegularizer> StatefulRegularizers => Array.Empty<IStatefulRegularizer>();

    /// <summary>Adds <paramref name="term"/> to <paramref name="loss"/> in place, disposes the term and returns the loss; a null term (a lazy penalty's off step) adds nothing.</summary>
    protected static Tensor AddTerm(Tensor loss, Tensor? term)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (term is null) return loss;
        using (term) return loss.add_(term, CachedScalars.One);
    }

    /// <summary>A generated batch for <paramref name="real"/>: from fresh noise (and its labels), or refined from its sources.</summary>
    private Tensor Fake(GanBatch real) => Fake(real, Config.IsRefiner ? null : NoiseFor(real.Count));

    /// <summary>A generated batch from <paramref name="noise"/>, refilled here (a refiner takes the batch's sources instead).</summary>
    private Tensor Fake(GanBatch real, Tensor? noise)
    {
        if (Config.IsRefiner) return GeneratorForward(real.Sources!, null);
        FillNoise(noise!);
        return GeneratorForward(noise!, real.Labels);
    }

    /// <summary>One discriminator update on the real batch and a detached fake batch.</summary>
    /// <param name="real">The real batch (with labels or sources).</param>
    /// <param name="fakeBatch">Generated samples without a graph.</param>
    /// <param name="record">Whether the update counts toward the metrics (a look-ahead of unrolling does not).</param>
    private void UpdateDiscriminator(GanBatch real, Tensor fakeBatch, bool record)
    {
        DiscriminatorOptimizer.ZeroGrad();
        BeginDiscriminatorPass();
        var mixed = DiscriminatorFakes(fakeBatch);
        try
        {
            using var packedReal = Pack(real.Data);
            using var packedFake = Pack(mixed ?? fakeBatch);
            using var noisyReal = DiscriminatorInput(packedReal.Tensor);
            using var noisyFake = DiscriminatorInput(packedFake.Tensor);
            using var loss = DiscriminatorLoss(real.WithData(noisyReal ?? packedReal.Tensor), noisyFake ?? packedFake.Tensor, out var realScores, out var fakeScores);
            try
            {
                loss.backward();
                BeforeDiscriminatorStep();
                DiscriminatorOptimizer.Step();
                AfterDiscriminatorUpdate();
                if (record) Record(loss, realScores, fakeScores);
            }
            finally
            {
                realScores.Dispose();
                fakeScores.Dispose();
            }
        }
        finally
        {
            mixed?.Dispose();
            EndDiscriminatorPass();
        }
    }

    private void Record(Tensor loss, Tensor realScores, Tensor fakeScores)
    {
        using (no_grad())
        {
            _metricSlots[LossD].add_(loss, CachedScalars.One);
            // The graph is freed after backward, so the scores can be turned into probabilities in place.
            if (Config.ScoresAreProbabilities)
            {
                realScores.sigmoid_();
                fakeScores.sigmoid_();
            }
            using (var realMean = realScores.mean()) _metricSlots[RealScoreIndex].add_(realMean, CachedScalars.One);
            using (var fakeMean = fakeScores.mean()) _metricSlots[FakeScoreIndex].add_(fakeMean, CachedScalars.One);
        }
        if (Config.AdaptiveRatio > 0) _balanceDiscriminatorLoss = loss.item<float>();
        _discriminatorUpdatesSinceRead++;
        DiscriminatorUpdates++;
    }

    private void UpdateGenerator(GanBatch real, Tensor fakeBatch)
    {
        GeneratorOptimizer.ZeroGrad();
        using var lookAhead = Config.UnrollSteps > 0 ? Unroll(real) : default;
        BeginDiscriminatorPass();
        try
        {
            using var packedReal = Pack(real.Data);
            using var fake = Pack(fakeBatch);
            using var noisyReal = DiscriminatorInput(packedReal.Tensor);
            using var noisyFake = DiscriminatorInput(fake.Tensor);
            using var loss = GeneratorLoss(real.WithData(noisyReal ?? packedReal.Tensor), noisyFake ?? fake.Tensor);
            loss.backward();
            BeforeGeneratorStep();
            GeneratorOptimizer.Step();
            GeneratorAverage?.Update();
            using (no_grad()) _metricSlots[LossG].add_(loss, CachedScalars.One);
            if (Config.AdaptiveRatio > 0) _balanceGeneratorLoss = loss.item<float>();
        }
        finally
        {
            EndDiscriminatorPass();
        }
        _generatorUpdatesSinceRead++;
        GeneratorUpdates++;
    }

    private Tensor NoiseFor(long batchSize)
    {
        if (_noise is null || _noise.size(0) != batchSize)
        {
            _noise?.Dispose();
            _latentShape[0] = batchSize;
            _noise = empty(_latentShape, device: Device).DetachFromDisposeScope();
        }
        return _noise;
    }

    /// <summary>Refills <paramref name="noise"/> with the declared distribution, from <paramref name="random"/> or the global generator.</summary>
    private void FillNoise(Tensor noise, torch.Generator? random = null)
    {
        // In place: no new tensor per step (and TorchSharp's randn_out crashes).
        if (Config.Latent == LatentDistribution.Uniform) noise.uniform_(-1.0, 1.0, random);
        else noise.normal_(0.0, 1.0, random);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the networks, optimizers and buffers.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing) return;
        _disposed = true;
        GeneratorOptimizer.Dispose();
        DiscriminatorOptimizer.Dispose();
        GeneratorAverage?.Dispose();
        GeneratorParameters.Dispose();
        DiscriminatorParameters.Dispose();
        foreach (var slot in _metricSlots) slot.Dispose();
        _metricSums.Dispose();
        _noise?.Dispose();
        DisposePairBuffer();
        DisposeUnrollState();
        FixedNoise?.Dispose();
        FixedLabels?.Dispose();
        FixedSources?.Dispose();
        _samplingRandom.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
