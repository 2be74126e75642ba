using System;
using System.Collections.Generic;
using System.Linq;
using GanGen.Generators.Catalog;
using GanGen.Generators.Tests.Catalog;
using GanGen.Generators.Validation;
using GanGen.Runtime.Interop;
using GanGen.Tests.Infrastructure;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Generators.Tests.Interop;

/// <summary>
/// The PyTorch twin of every catalog kind and of every interop declaration (each conditioning mode, a refiner, packing
/// with a moving average, non-default arguments): GanGen trains it briefly and perturbs its weights, writes the twin,
/// and both frameworks run both networks on the same inputs in evaluation mode and then in training mode. PyTorch
/// loads GanGen's weights with load_state_dict(strict=True); outputs and every parameter and buffer afterwards
/// (running statistics, num_batches_tracked) must agree within <see cref="Tolerance"/>, under the same names.
/// </summary>
public sealed class TwinForwardTests : IClassFixture<TwinForwardTests.Cases>
{
    /// <summary>Largest accepted |TorchSharp − PyTorch| per value: float32 rounding of two libtorch builds.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>Samples per input batch: a multiple of minibatch standard deviation's default group (4) and of packing (2).</summary>
    private const long Batch = 8;

    private readonly Cases _cases;
    private readonly ITestOutputHelper _output;

    public TwinForwardTests(Cases cases, ITestOutputHelper output)
    {
        _cases = cases;
        _output = output;
    }

    public static TheoryData<string> Kinds => EveryKindTests.Kinds;

    public static TheoryData<string> Declarations => ConditioningOnnxTests.Declarations;

    [PyTorchTheory]
    [MemberData(nameof(Kinds))]
    public void Kind_twin_computes_what_torchsharp_computes(string name) => AssertCase("kind " + name);

    [PyTorchTheory]
    [MemberData(nameof(Declarations))]
    public void Declaration_twin_computes_what_torchsharp_computes(string name) => AssertCase(name);

    private void AssertCase(string name)
    {
        PythonTorch.Require();
        var result = _cases.Result(name);
        foreach (var (output, expected) in result.Expected)
        {
            Assert.True(result.Actual.TryGetValue(output, out var actual), $"{name}: the twin wrote no '{output}'");
            AssertClose($"{name} {output}", expected, actual!);
        }
        Assert.Equal(result.GanGenState.Keys.OrderBy(k => k, StringComparer.Ordinal), result.TwinState.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (tensorName, expected) in result.GanGenState) AssertClose($"{name} state {tensorName}", expected, result.TwinState[tensorName]);
    }

    private void AssertClose(string label, Tensor expected, Tensor actual)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape), $"{label}: shape [{string.Join(", ", actual.shape)}] in PyTorch, [{string.Join(", ", expected.shape)}] in GanGen");
        Assert.Equal(expected.dtype, actual.dtype);
        using var difference = (expected.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64)).abs();
        double maximum = expected.NumberOfElements == 0 ? 0 : difference.max().item<double>();
        if (!label.Contains(" state ")) _output.WriteLine($"{label}: max |TorchSharp - PyTorch| = {maximum:E2} over {expected.NumberOfElements} values");
        Assert.True(maximum <= Tolerance, $"{label}: max difference {maximum:E3} exceeds {Tolerance:E0}");
    }

    /// <summary>Every case prepared in GanGen, then one PyTorch process over all of them (importing torch once).</summary>
    public sealed class Cases : IDisposable
    {
        private readonly TemporaryFolder _folder = new("twin-forward");
        private readonly Dictionary<string, CaseResult> _results = new(StringComparer.Ordinal);
        private readonly Lazy<Exception?> _run;

        public Cases() => _run = new Lazy<Exception?>(RunAll);

        public CaseResult Result(string name)
        {
            if (_run.Value is { } failure) throw new InvalidOperationException("Preparing or running the twins failed.", failure);
            return _results[name];
        }

        private Exception? RunAll()
        {
            try
            {
                var folders = new List<string>();
                foreach (var kind in StepCatalog.All)
                {
                    var (input, output, attribute) = EveryKindTests.Fit(kind);
                    folders.Add(Prepare("kind " + kind.Name, EveryKindTests.Declaration(kind, input, output, attribute), "Demo.KindGan", kind.Name == "Dropout"));
                }
                foreach (var (name, source) in InteropDeclarations.All) folders.Add(Prepare(name, source, "Demo." + name, randomInTraining: false));
                PythonTorch.RunScript(PythonTorch.Script("twin_forward.py"), folders, _folder.Path);
                foreach (var result in _results.Values) result.ReadTwin();
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        }

        private string Prepare(string name, string source, string type, bool randomInTraining)
        {
            string folder = _folder.File(name.Replace(' ', '-'));
            using var gan = CompiledGan.Create(source, type);
            gan.Train(2);
            gan.Perturb(0.1);
            gan.WritePyTorchTwin(folder);

            var config = gan.Config;
            var labels = config.IsConditional ? randint(0, config.Classes, new long[] { Batch }) : null;
            var generatorInput = config.IsRefiner ? randn(new long[] { Batch }.Concat(config.DataShape).ToArray()) : randn(Batch, config.LatentSize);
            var packed = config.DataShape.ToArray();
            packed[0] *= config.Pack;
            var inputs = new Dictionary<string, Tensor> { ["generator.input"] = generatorInput, ["discriminator.input"] = randn(new long[] { Batch }.Concat(packed).ToArray()) };
            if (labels is not null) inputs["labels"] = labels;
            SafeTensors.Write(System.IO.Path.Combine(folder, "inputs.safetensors"), inputs);

            // The order the script runs them in: evaluation mode, then training mode (which moves running statistics).
            var expected = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (string mode in new[] { "eval", "train" })
            {
                foreach (var (role, network) in new[] { ("generator", gan.Generator), ("discriminator", gan.Discriminator) })
                {
                    network.train(mode == "train");
                    var (output, logits) = CompiledGan.Run(network, inputs[role + ".input"], labels);
                    // Dropout draws its masks from each framework's own generator: training-mode outputs differ by design.
                    if (mode == "train" && randomInTraining) continue;
                    expected[$"{role}.{mode}"] = output.clone();
                    if (logits is not null) expected[$"{role}.{mode}.class_logits"] = logits.clone();
                }
            }
            gan.SaveWeights(System.IO.Path.Combine(folder, "gangen-state.safetensors"));
            _results[name] = new CaseResult(folder, expected);
            return folder;
        }

        public void Dispose() => _folder.Dispose();
    }

    /// <summary>One case: what GanGen computed, and after the script ran, what the twin computed.</summary>
    public sealed class CaseResult
    {
        private readonly string _folder;

        public CaseResult(string folder, Dictionary<string, Tensor> expected)
        {
            _folder = folder;
            Expected = expected;
        }

        public Dictionary<string, Tensor> Expected { get; }

        public IReadOnlyDictionary<string, Tensor> Actual { get; private set; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> GanGenState { get; private set; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> TwinState { get; private set; } = new Dictionary<string, Tensor>();

        public void ReadTwin()
        {
            Actual = Read("outputs.safetensors");
            GanGenState = Read("gangen-state.safetensors");
            TwinState = Read("state.safetensors");
        }

        private Dictionary<string, Tensor> Read(string file)
        {
            // Copied out of the file object, which owns (and disposes) what it read.
            using var read = SafeTensors.Read(System.IO.Path.Combine(_folder, file));
            return read.Tensors.ToDictionary(entry => entry.Key, entry => entry.Value.clone(), StringComparer.Ordinal);
        }
    }
}
