using System;
using GanGen.Runtime.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

/// <summary>
/// The training loop every generated GAN inherits: the standard step order (pytorch/examples DCGAN: D on real and
/// on detached fakes, D update, then G through the updated D), n_critic and training order, intermediates disposed
/// where they are last used (no dispose scope), lean flat-buffer optimizers and metrics accumulated on the device.
/// Generated code supplies the networks and the declared loss (<see cref="DiscriminatorLoss"/>,
/// <see cref="GeneratorLoss"/>).
/// </summary>
/// <typeparam name="TGenerator">The generated generator module.</typeparam>
/// <typeparam name="TDiscriminator">The generated discriminator module.</typeparam>
public abstract partial class GanTrainer<TGenerator, TDiscriminator> : IDisposable
    where TGenerator : nn.Module<Tensor, Tensor>
    where TDiscriminator : nn.Module<Tensor, Tensor>
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
    private Tensor? _penaltyEpsilon;
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
        Generator.train();
        Discriminator.train();

        GeneratorParameters = new FlatParameters(Generator);
        DiscriminatorParameters = new FlatParameters(Discriminator);
        GeneratorOptimizer = GanOptimizer.Create(GeneratorParameters, config.Generator);
        GeneratorAverage = config.GeneratorAverage > 0 ? new WeightAverage(GeneratorParameters, config.GeneratorAverage) : null;
        DiscriminatorOptimizer = GanOptimizer.Create(DiscriminatorParameters, config.Discriminator);

        FixedNoise = CreateNoise(fixedNoiseCount);
        _samplingRandom = new torch.Generator(unchecked((ulong)seed ^ SamplingSeedSalt), CPU);
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

    /// <summary>A noise batch drawn once at construction, so samples are comparable across training.</summary>
    public Tensor FixedNoise { get; }

    /// <summary>Number of completed <see cref="Step"/> calls.</summary>
    public long StepCount { get; private set; }

    /// <summary>Number of generator updates so far.</summary>
    public long GeneratorUpdates { get; private set; }

    /// <summary>
    /// One training step on <paramref name="realBatch"/> ([N, …data shape]) followed by a read-back of its metrics.
    /// Use <see cref="Step"/> plus periodic <see cref="ReadMetrics"/> to avoid a device sync every step.
    /// A batch holding NaN or ±∞ is rejected with an <see cref="ArgumentException"/> before anything trains on it.
    /// </summary>
    public GanStepMetrics TrainStep(Tensor realBatch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(realBatch);
        RejectNonFiniteBatch(realBatch);
        Step(realBatch);
        return ReadMetrics();
    }

    /// <summary>
    /// One discriminator update, plus a generator update when the n_critic cycle calls for one. Metrics stay on the
    /// device until <see cref="ReadMetrics"/>. Without a device sync Step cannot reject a batch holding NaN or ±∞
    /// before training on it; it folds the batch into a device-side check that the next <see cref="ReadMetrics"/>
    /// reports as <see cref="GanStepMetrics.NonFiniteRealData"/> (use <see cref="TrainStep"/> to reject such a batch).
    /// </summary>
    public void Step(Tensor realBatch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidateBatch(realBatch);
        // No dispose scope: every intermediate is disposed where it is last used (generated forward passes, the
        // loss catalogue, this method), which spares the scope's per-step bookkeeping allocations.
        bool onDevice = realBatch.device_type == Device.type && realBatch.device_index == Device.index;
        var real = onDevice ? realBatch : realBatch.to(Device);
        try
        {
            var noise = NoiseFor(real.size(0));
            long phase = StepCount % Config.CriticSteps;
            bool discriminatorFirst = Config.Order == TrainingOrder.DiscriminatorFirst;
            bool updateGenerator = discriminatorFirst ? phase == Config.CriticSteps - 1 : phase == 0;

            if (updateGenerator && !discriminatorFirst)
            {
                FillNoise(noise);
                using var generated = Generator.forward(noise);
                UpdateGenerator(generated);
            }

            FillNoise(noise);
            Tensor fake;
            if (updateGenerator && discriminatorFirst)
            {
                fake = Generator.forward(noise);
            }
            else
            {
                using (no_grad()) fake = Generator.forward(noise);
            }
            using (fake)
            {
                using (var detached = fake.detach()) UpdateDiscriminator(real, detached);
                if (updateGenerator && discriminatorFirst) UpdateGenerator(fake);
            }
            StepCount++;
        }
        finally
        {
            if (!onDevice) real.Dispose();
        }
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

    /// <summary>The declared discriminator loss on real and (detached) fake batches; outputs the raw scores.</summary>
    protected abstract Tensor DiscriminatorLoss(Tensor real, Tensor fake, out Tensor realScores, out Tensor fakeScores);

    /// <summary>The declared generator loss for a fake batch that still carries the generator's graph.</summary>
    protected abstract Tensor GeneratorLoss(Tensor fake);

    /// <summary>Runs after each discriminator update (weight clipping for WGAN).</summary>
    protected virtual void AfterDiscriminatorUpdate()
    {
    }

    private void UpdateDiscriminator(Tensor realBatch, Tensor fakeBatch)
    {
        DiscriminatorOptimizer.ZeroGrad();
        using var real = Pack(realBatch);
        using var fake = Pack(fakeBatch);
        using var loss = DiscriminatorLoss(real.Tensor, fake.Tensor, out var realScores, out var fakeScores);
        try
        {
            loss.backward();
            DiscriminatorOptimizer.Step();
            AfterDiscriminatorUpdate();
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
        }
        finally
        {
            realScores.Dispose();
            fakeScores.Dispose();
        }
        _discriminatorUpdatesSinceRead++;
    }

    private void UpdateGenerator(Tensor fakeBatch)
    {
        GeneratorOptimizer.ZeroGrad();
        using var fake = Pack(fakeBatch);
        using var loss = GeneratorLoss(fake.Tensor);
        loss.backward();
        GeneratorOptimizer.Step();
        GeneratorAverage?.Update();
        using (no_grad()) _metricSlots[LossG].add_(loss, CachedScalars.One);
        _generatorUpdatesSinceRead++;
        GeneratorUpdates++;
    }

    /// <summary>A [N, 1, …] buffer for the gradient penalty's per-sample ε, reused while the batch size holds.</summary>
    protected Tensor PenaltyEpsilon(Tensor real)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (_penaltyEpsilon is null || _penaltyEpsilon.size(0) != real.size(0))
        {
            _penaltyEpsilon?.Dispose();
            _penaltyEpsilon = GanLosses.PenaltyEpsilon(real).DetachFromDisposeScope();
        }
        return _penaltyEpsilon;
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

    private void ValidateBatch(Tensor realBatch)
    {
        ArgumentNullException.ThrowIfNull(realBatch);
        var shape = Config.DataShape;
        bool matches = realBatch.dim() == shape.Length + 1 && realBatch.size(0) > 0;
        for (int i = 0; matches && i < shape.Length; i++) matches = realBatch.size(i + 1) == shape[i];
        if (!matches)
            throw new ArgumentException(
                $"{Config.Name}: the real batch has shape {ShapeText(realBatch)}, but the declared [GanData] needs {Config.BatchShapeText}.",
                nameof(realBatch));
        if (realBatch.size(0) % Config.Pack != 0)
            throw new ArgumentException(
                $"{Config.Name}: a batch of {realBatch.size(0)} samples cannot be packed in groups of {Config.Pack} (Pack = {Config.Pack}); use a batch size that is a multiple of {Config.Pack}.",
                nameof(realBatch));
        var dtype = GeneratorParameters.Values.dtype;
        if (realBatch.dtype != dtype)
            throw new ArgumentException(
                $"{Config.Name}: the real batch has dtype {realBatch.dtype}, but the networks compute in {dtype}; convert it first (batch.to({dtype}), scaled to the declared range).",
                nameof(realBatch));
        AccumulateBatchSum(realBatch);
    }

    private static string ShapeText(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

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
        _penaltyEpsilon?.Dispose();
        DisposePairBuffer();
        FixedNoise.Dispose();
        _samplingRandom.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
