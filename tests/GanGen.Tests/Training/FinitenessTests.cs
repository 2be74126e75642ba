using System;
using System.IO;
using GanGen.Runtime.Training;
using GanGen.Examples.Models;
using GanGen.Tests.Declarations;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>NaN/Inf and wrong dtypes: rejected or reported at the step, never trained on silently, never checkpointed.</summary>
public sealed class FinitenessTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-finite-" + Guid.NewGuid().ToString("N"));

    public FinitenessTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void TrainStepRejectsANonFiniteBatchBeforeTrainingOnIt(float poison)
    {
        using var gan = new RingGan(seed: 3);
        using var batch = randn(16, 2);
        batch[5, 1] = tensor(poison);
        using var before = gan.DiscriminatorParameters.Values.clone();

        var error = Assert.Throws<ArgumentException>(() => gan.TrainStep(batch));

        Assert.Contains("RingGan", error.Message);
        Assert.Contains("NaN or infinite values", error.Message);
        Assert.Contains("of 32", error.Message); // counts out of all values
        Assert.Equal(0, gan.StepCount);
        Assert.True(before.allclose(gan.DiscriminatorParameters.Values, 0, 0), "the poisoned batch was trained on");
    }

    [Fact]
    public void StepReportsANonFiniteBatchAtTheNextRead()
    {
        using var gan = new RingGan(seed: 3);
        using var batch = randn(16, 2);
        gan.Step(batch);
        Assert.False(gan.ReadMetrics().NonFiniteRealData);
        batch[0, 0] = tensor(float.NaN);
        gan.Step(batch);
        var metrics = gan.ReadMetrics();
        Assert.True(metrics.NonFiniteRealData);
        Assert.False(metrics.IsFinite);
    }

    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float16)]
    [InlineData(ScalarType.Int32)]
    [InlineData(ScalarType.Bool)]
    public void EveryWrongDtypeGetsTheSameMessage(ScalarType dtype)
    {
        using var gan = new RingGan(seed: 3);
        using var batch = ones(new long[] { 16, 2 }, dtype: dtype);
        foreach (var step in new Action[] { () => gan.Step(batch), () => gan.TrainStep(batch) })
        {
            var error = Assert.Throws<ArgumentException>(step);
            Assert.Equal($"RingGan: the real batch has dtype {dtype}, but the networks compute in Float32; convert it first (batch.to(Float32), scaled to the declared range). (Parameter 'batch')", error.Message);
        }
    }

    [Fact]
    public void NonFiniteWeightsAreNeverCheckpointed()
    {
        string path = Path.Combine(_folder, "last.ckpt");
        using var gan = new RingGan(seed: 3);
        using var batch = randn(16, 2);
        gan.Step(batch);
        gan.SaveCheckpoint(path);
        var finite = File.ReadAllBytes(path);
        gan.Step(batch);
        Poison(gan);

        var error = Assert.Throws<TrainingDivergedException>(() => gan.SaveCheckpoint(path));

        Assert.Equal(2, error.Step);
        Assert.Contains("step 2", error.Message);
        Assert.Contains("the generator's weights hold 1 NaN and 0 infinite values", error.Message);
        Assert.Contains("lower the learning rates", error.Message);
        Assert.Equal(finite, File.ReadAllBytes(path)); // the last finite checkpoint is intact
    }

    [Fact]
    public void ARunThatDivergesBetweenLogsStopsWithTheLastFiniteCheckpointIntact()
    {
        using var gan = new RingGan(seed: 3);
        // Metrics are read only at the end; checkpoints every 2 steps. The weights turn NaN in step 3.
        var options = new TrainingRunOptions(Steps: 8, OutputFolder: _folder, LogEvery: 100, SampleEvery: 100, CheckpointEvery: 2, TensorBoard: false);
        var error = Assert.Throws<TrainingDivergedException>(() => TrainingRun.Fit(gan, step =>
        {
            if (step == 3) Poison(gan);
            return randn(16, 2);
        }, options, writePng: (_, _) => { }));

        Assert.Equal(4, error.Step);
        Assert.Contains("last finite checkpoint is kept", error.Message);
        using var resumed = new RingGan(seed: 3);
        resumed.LoadCheckpoint(Path.Combine(_folder, TrainingRun.LastCheckpoint));
        Assert.Equal(2, resumed.StepCount);
        Assert.Null(resumed.DescribeNonFiniteWeights());
    }

    [Fact]
    public void AnEvaluationOfNonFiniteWeightsReportsTheDivergenceNotTheEvaluatorsFailure()
    {
        using var gan = new TinyImageWgan(seed: 3);
        var options = new TrainingRunOptions(Steps: 8, OutputFolder: _folder, LogEvery: 100, SampleEvery: 100, EvaluateEvery: 2, CheckpointEvery: 100, TensorBoard: false);
        var error = Assert.Throws<TrainingDivergedException>(() => TrainingRun.Fit(gan, step =>
        {
            if (step == 3) Poison(gan);
            return randn(8, 1, 4, 4);
        }, options, evaluate: () =>
        {
            // A Fréchet distance of NaN features fails inside its matrix square root.
            using var samples = gan.Sample(8);
            using var nan = samples.isnan();
            using var any = nan.any();
            return any.item<bool>() ? throw new System.Runtime.InteropServices.ExternalException("linalg.eigh: the algorithm failed to converge") : new Evaluation(1, "ok");
        }, writePng: (_, _) => { }));
        Assert.Equal(4, error.Step);
    }

    [Fact]
    public void ARunOnNonFiniteDataBlamesTheDataNotTheLearningRate()
    {
        using var gan = new RingGan(seed: 3);
        var options = new TrainingRunOptions(Steps: 4, OutputFolder: _folder, LogEvery: 2, SampleEvery: 100, CheckpointEvery: 0, TensorBoard: false);
        var error = Assert.Throws<InvalidDataException>(() => TrainingRun.Fit(gan, step =>
        {
            var batch = randn(16, 2);
            if (step == 2) batch[3, 0] = tensor(float.PositiveInfinity);
            return batch;
        }, options, writePng: (_, _) => { }));

        Assert.Contains("a real batch of steps 3–4 held NaN or infinite values", error.Message);
        Assert.Contains("the data, not the learning rate", error.Message);
        Assert.False(File.Exists(Path.Combine(_folder, TrainingRun.LastCheckpoint)));
    }

    /// <summary>What a divergence does to the weights, between two metric reads.</summary>
    private static void Poison<TGenerator, TDiscriminator>(GanTrainer<TGenerator, TDiscriminator> gan)
        where TGenerator : TorchSharp.torch.nn.Module<Tensor, Tensor>, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : TorchSharp.torch.nn.Module<Tensor, Tensor>, GanGen.Runtime.Kernels.IKernelChecked
    {
        using var first = gan.GeneratorParameters.Values.narrow(0, 0, 1);
        first.fill_(float.NaN);
    }
}
