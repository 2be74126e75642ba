using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GanGen.Runtime.Interop;
using GanGen.Runtime.Regularization;
using GanGen.Runtime.Training;
using GanGen.Tests.Infrastructure;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Twin;

/// <summary>
/// The cross-framework oracle: each GAN of <see cref="OracleGans"/> trains several steps in GanGen while its PyTorch
/// twin (written by <c>WritePyTorchTwin</c>, starting from the same weights) trains on the same batches and GanGen's
/// own random draws. Every step's discriminator and generator losses, every parameter and buffer afterwards, and
/// samples from the trained generator must agree within <see cref="Tolerance"/>. Together the GANs cover every loss
/// (plain and relativistic), every regulariser and stabiliser, every conditioning mode, every optimizer, both orders,
/// n_critic, generator steps, an unrolled look-ahead, an adaptive schedule, packing and a moving average.
/// </summary>
public sealed class TwinOracleTests : TemporaryFolderTests
{
    /// <summary>
    /// Largest accepted |GanGen − PyTorch| for a loss, weight or sample after the steps: float32 rounding of two
    /// libtorch builds (2.10 and Debian's 1.13), carried through a few optimizer updates.
    /// </summary>
    public const double Tolerance = 1e-5;

    private const long BatchSize = 8;
    private const int Steps = 6;

    private static readonly Dictionary<string, Func<TwinOracleTests, double[]>> Runs = new(StringComparer.Ordinal)
    {
        ["Minimax"] = test => test.Train(new MinimaxOracleGan(seed: 3), Steps, default),
        ["NonSaturating smoothed, uniform noise, norms, SGD"] = test => test.Train(new NonSaturatingOracleGan(seed: 3), Steps, default),
        ["Wasserstein with WeightClip, RMSprop, n_critic 5"] = test => test.Train(new ClippedOracleGan(seed: 3), 10, default),
        ["Wasserstein with GradientPenalty, generator first"] = test => test.Train(new PenaltyOracleGan(seed: 3), Steps, new DeclaredDraws(GradientPenalty: true)),
        ["Hinge on images"] = test => test.Train(new HingeOracleGan(seed: 3), Steps, default),
        ["LeastSquares packed, moving average"] = test => test.Train(new PackedOracleGan(seed: 3), Steps, default),
        ["Refiner: SelfRegularization L1, ImageHistory, patch map"] = test => test.Train(new RefinerOracleGan(seed: 3), Steps, new DeclaredDraws(HistoryShare: 0.5, HistoryCapacity: 12)),
        ["Refiner: SelfRegularization L2"] = test => test.Train(new SquaredRefinerOracleGan(seed: 3), Steps, default),
        ["Conditioning: Embedding and Projection"] = test => test.Train(new ProjectionOracleGan(seed: 3), Steps, default),
        ["Conditioning: BatchNorm and Auxiliary (AC-GAN)"] = test => test.Train(new AuxiliaryOracleGan(seed: 3), Steps, default),
        ["Conditioning: Concatenate on images, GradientPenalty"] = test => test.Train(new OneHotOracleGan(seed: 3), Steps, new DeclaredDraws(GradientPenalty: true)),
        ["Conditioning: Concatenate and Embedding, Hinge, RMSprop"] = test => test.Train(new EmbeddingOracleGan(seed: 3), Steps, default),
        ["Stabilisers: spectral norm everywhere, RaLSGAN, feature matching, lazy R1, generator clipping, moving average"] =
            test => test.Train(new SpectralOracleGan(seed: 3), Steps, default),
        ["Stabilisers: minibatch stddev and discrimination, LeastSquares label flipping, linear instance noise, weight penalty, critic clipping, 2 generator steps"] =
            test => test.Train(new BatchStatisticsOracleGan(seed: 3), Steps, new DeclaredDraws(InstanceNoise: new InstanceNoise(0.3, 4), FlipScores: new[] { 1L })),
        ["Stabilisers: RaSGAN smoothed, DRAGAN, exponential instance noise, clipping both, adaptive schedule"] =
            test => test.Train(new AdaptiveOracleGan(seed: 3), Steps, new DeclaredDraws(InstanceNoise: new InstanceNoise(0.2, 3, Annealing.Exponential), Dragan: true),
                requireExtraUpdates: true),
        ["Stabilisers: unrolled 2 steps over spectral norm and batch norm, generator first, 2 generator steps"] =
            test => test.Train(new UnrolledOracleGan(seed: 3), Steps, default),
        ["Stabilisers: RaHinge, lazy R2"] = test => test.Train(new RelativisticHingeOracleGan(seed: 3), Steps, default),
        ["Stabilisers: BCE label flipping with smoothing, R1, minibatch stddev on images"] =
            test => test.Train(new FlippedImageOracleGan(seed: 3), Steps, new DeclaredDraws(FlipScores: new[] { 1L })),
        ["Graphs: residual blocks, projection shortcut, spectral norm in a block, self-attention, gating, concatenation"] =
            test => test.Train(new GraphOracleGan(seed: 3), Steps, default),
        ["Graphs: mapping network and adaptive instance norm"] = test => test.Train(new StyleOracleGan(seed: 3), Steps, default),
        ["Small data: DiffAugment (colour, translation, cutout) after instance noise, hinge, R1 on augmented reals, LeCam"] =
            test => test.Train(new AugmentedOracleGan(seed: 3), Steps,
                new DeclaredDraws(InstanceNoise: new InstanceNoise(0.1, 4), Augment: new DiffAugment(Augmentations.Color | Augmentations.Translation | Augmentations.Cutout))),
    };

    private readonly ITestOutputHelper _output;

    public TwinOracleTests(ITestOutputHelper output) : base("gangen-twin-oracle") => _output = output;

    public static TheoryData<string> Cases => new(Runs.Keys);

    [PyTorchTheory]
    [MemberData(nameof(Cases))]
    public void Twin_trains_step_for_step_as_GanGen_does(string name)
    {
        PythonTorch.Require();
        double[] differences = Runs[name](this);
        _output.WriteLine($"{name}: max |GanGen - PyTorch| losses {differences[0]:E2}, weights and buffers {differences[1]:E2}, samples {differences[2]:E2}");
    }

    /// <summary>Trains <paramref name="gan"/> and its twin side by side; returns the largest loss, state and sample differences.</summary>
    /// <param name="requireExtraUpdates">The case is there for an adaptive schedule: some step must give the generator an extra round and some the discriminator an extra update.</param>
    private double[] Train<TGenerator, TDiscriminator>(GanTrainer<TGenerator, TDiscriminator> gan, int steps, DeclaredDraws declared, bool requireExtraUpdates = false)
        where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    {
        using var _ = gan;
        string twin = PathOf("twin");
        gan.WritePyTorchTwin(twin);
        var config = gan.Config;
        var replay = new DrawReplay(config, declared, BatchSize);
        var batches = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var draws = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var lossD = new double[steps];
        var lossG = new double[steps];
        var updateCounts = new List<(long Generator, long Discriminator)>();
        using var data = new torch.Generator(11);
        for (int step = 0; step < steps; step++)
        {
            string prefix = step.ToString("D4", CultureInfo.InvariantCulture) + ".";
            var batch = Batch(config, data);
            batches[prefix + "data"] = batch.Data;
            if (batch.Labels is not null) batches[prefix + "labels"] = batch.Labels;
            if (batch.Sources is not null) batches[prefix + "sources"] = batch.Sources;

            long generatorUpdates = gan.GeneratorUpdates, discriminatorUpdates = gan.DiscriminatorUpdates;
            manual_seed(1000 + step);
            var metrics = gan.TrainStep(batch);
            generatorUpdates = gan.GeneratorUpdates - generatorUpdates;
            discriminatorUpdates = gan.DiscriminatorUpdates - discriminatorUpdates;
            bool generatorUpdated = generatorUpdates > 0;
            lossD[step] = metrics.DiscriminatorLoss;
            lossG[step] = generatorUpdated ? metrics.GeneratorLoss!.Value : double.NaN;
            manual_seed(1000 + step);
            replay.Record(step, generatorUpdates, discriminatorUpdates, draws);
            updateCounts.Add((generatorUpdates, discriminatorUpdates));
        }
        SafeTensors.Write(System.IO.Path.Combine(twin, "batches.safetensors"), batches);
        SafeTensors.Write(System.IO.Path.Combine(twin, "draws.safetensors"), draws);

        var probe = new Dictionary<string, Tensor>(StringComparer.Ordinal)
        {
            ["input"] = config.IsRefiner ? randn(new[] { 5L }.Concat(config.DataShape).ToArray(), generator: data).tanh() : randn(new[] { 5L, config.LatentSize }, generator: data),
        };
        if (config.IsConditional) probe["labels"] = randint(0, config.Classes, new[] { 5L }, generator: data);
        SafeTensors.Write(System.IO.Path.Combine(twin, "probe.safetensors"), probe);
        using var samples = config.IsRefiner ? gan.Refine(probe["input"]) : gan.Generate(probe["input"], probe.GetValueOrDefault("labels"));
        gan.SaveWeights(PathOf("gangen-final.safetensors"));

        _output.WriteLine($"updates per step: {string.Join(" ", updateCounts.Select(u => $"{u.Generator}G/{u.Discriminator}D"))}; {draws.Count} draws");
        if (requireExtraUpdates)
        {
            Assert.Contains(updateCounts, u => u.Generator > config.GeneratorSteps);
            Assert.Contains(updateCounts, u => u.Discriminator > 1);
        }
        PythonTorch.RunScript(PythonTorch.Script("twin_oracle.py"), new[] { twin, steps.ToString(CultureInfo.InvariantCulture) }, FolderPath, _output);

        using var losses = SafeTensors.Read(System.IO.Path.Combine(twin, "losses.safetensors"));
        double lossDifference = Math.Max(CompareLosses("discriminator", lossD, losses.Tensors["loss_d"]), CompareLosses("generator", lossG, losses.Tensors["loss_g"]));
        using var ganGenState = SafeTensors.Read(PathOf("gangen-final.safetensors"));
        using var twinState = SafeTensors.Read(System.IO.Path.Combine(twin, "final.safetensors"));
        Assert.Equal(ganGenState.Tensors.Keys.OrderBy(k => k, StringComparer.Ordinal), twinState.Tensors.Keys.OrderBy(k => k, StringComparer.Ordinal));
        double stateDifference = ganGenState.Tensors.Max(entry => Difference($"'{entry.Key}' after {steps} steps", entry.Value, twinState.Tensors[entry.Key]));
        using var twinSamples = SafeTensors.Read(System.IO.Path.Combine(twin, "samples.safetensors"));
        double sampleDifference = Difference("samples of the trained generator", samples, twinSamples.Tensors["samples"]);
        return new[] { lossDifference, stateDifference, sampleDifference };
    }

    private static GanBatch Batch(GanTrainerConfig config, torch.Generator random)
    {
        var shape = new[] { BatchSize }.Concat(config.DataShape).ToArray();
        var data = randn(shape, generator: random).tanh_();
        var labels = config.IsConditional ? randint(0, config.Classes, new[] { BatchSize }, generator: random) : null;
        var sources = config.IsRefiner ? randn(shape, generator: random).mul_(0.5) : null;
        return new GanBatch(data, labels, sources);
    }

    private double CompareLosses(string network, double[] ganGen, Tensor twin)
    {
        var twinValues = twin.data<double>().ToArray();
        double maximum = 0;
        for (int step = 0; step < ganGen.Length; step++)
        {
            Assert.True(double.IsNaN(ganGen[step]) == double.IsNaN(twinValues[step]),
                $"step {step}: the {network} updated in {(double.IsNaN(ganGen[step]) ? "the twin" : "GanGen")} only");
            if (double.IsNaN(ganGen[step])) continue;
            double difference = Math.Abs(ganGen[step] - twinValues[step]);
            _output.WriteLine($"step {step}: {network} loss GanGen {ganGen[step]:F6}, PyTorch {twinValues[step]:F6}");
            Assert.True(difference <= Tolerance, $"step {step}: the {network} loss is {ganGen[step]:R} in GanGen but {twinValues[step]:R} in PyTorch");
            maximum = Math.Max(maximum, difference);
        }
        return maximum;
    }

    private static double Difference(string label, Tensor expected, Tensor actual)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape), $"{label}: shape [{string.Join(", ", actual.shape)}] in PyTorch, [{string.Join(", ", expected.shape)}] in GanGen");
        Assert.Equal(expected.dtype, actual.dtype);
        using var difference = (expected.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64)).abs();
        double maximum = expected.NumberOfElements == 0 ? 0 : difference.max().item<double>();
        Assert.True(maximum <= Tolerance, $"{label}: max |GanGen - PyTorch| = {maximum:E3} exceeds {Tolerance:E0}");
        return maximum;
    }
}
