using System;
using System.IO;
using System.Linq;
using GanGen.Runtime.Interop.Onnx;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;
using Modules = TorchSharp.Modules;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>
/// A small DCGAN-like generator (Linear → Reshape → ConvTranspose2d → BatchNorm → ReLU → ConvTranspose2d → Tanh)
/// exported end to end: saved, loaded by ONNX Runtime, run at two batch sizes, and compared with TorchSharp.
/// </summary>
public sealed class OnnxGeneratorExportTests : OnnxExportTestBase, IDisposable
{
    private const int Latent = 16;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gangen-generator-{Guid.NewGuid():N}.onnx");
    private readonly Modules.Linear _fc;
    private readonly Modules.ConvTranspose2d _up1;
    private readonly Modules.BatchNorm2d _bn;
    private readonly Modules.ConvTranspose2d _up2;
    private readonly nn.Module<Tensor, Tensor> _generator;

    public OnnxGeneratorExportTests(ITestOutputHelper output) : base(output)
    {
        manual_seed(61);
        _fc = nn.Linear(Latent, 32 * 4 * 4);
        _up1 = nn.ConvTranspose2d(32, 16, 4, stride: 2, padding: 1, bias: false);
        _bn = nn.BatchNorm2d(16);
        _up2 = nn.ConvTranspose2d(16, 1, 4, stride: 2, padding: 1);
        _generator = nn.Sequential(("fc", _fc), ("reshape", nn.Unflatten(1, new long[] { 32, 4, 4 })), ("up1", _up1), ("bn", _bn),
            ("relu", nn.ReLU()), ("up2", _up2), ("tanh", nn.Tanh()));
        using (no_grad())
        {
            // Statistics far from the defaults, so a BatchNorm exported with the wrong ones would show.
            _bn.running_mean!.copy_(randn(16) * 0.5);
            _bn.running_var!.copy_(rand(16) * 2 + 0.5);
            _bn.weight!.copy_(rand(16) + 0.5);
            _bn.bias!.copy_(randn(16) * 0.1);
        }
        _generator.eval();
    }

    public void Dispose()
    {
        _generator.Dispose();
        if (File.Exists(_path)) File.Delete(_path);
    }

    private void Export()
    {
        var graph = new OnnxGraphBuilder("Generator");
        graph.Metadata["gangen.latent_size"] = Latent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var z = graph.Input("noise", new long[] { -1, Latent });
        var h = graph.Linear(z, _fc, "fc");
        h = graph.Reshape(h, new long[] { 32, 4, 4 });
        h = graph.ConvTranspose2d(h, _up1, "up1");
        h = graph.BatchNorm(h, _bn, "bn");
        h = graph.Relu(h);
        h = graph.ConvTranspose2d(h, _up2, "up2");
        h = graph.Tanh(h);
        graph.Output(h, "samples", new long[] { -1, 1, 16, 16 });
        graph.Save(_path);
    }

    [Fact]
    public void GeneratorMatchesTorchAtTwoBatchSizes()
    {
        Export();
        using var runner = new OnnxRuntimeRunner(File.ReadAllBytes(_path));
        foreach (int batch in new[] { 1, 5 })
        {
            using var scope = NewDisposeScope();
            var noise = randn(batch, Latent);
            Tensor expected;
            using (no_grad()) expected = _generator.forward(noise);
            var actual = runner.Run(("noise", noise));
            Assert.Equal(new long[] { batch, 1, 16, 16 }, actual.shape);
            AssertClose($"DCGAN generator (batch {batch})", expected, actual);
        }
    }

    [Fact]
    public void SavedModelNamesItsInputAndOutputWithASymbolicBatch()
    {
        Export();
        using var session = new InferenceSession(_path);

        Assert.Equal(new[] { "noise" }, session.InputNames);
        Assert.Equal(new[] { "samples" }, session.OutputNames);
        var input = session.InputMetadata["noise"];
        Assert.Equal(new[] { -1, Latent }, input.Dimensions);
        Assert.Equal("N", input.SymbolicDimensions[0]);
        Assert.Equal(typeof(float), input.ElementType);
        var output = session.OutputMetadata["samples"];
        Assert.Equal(new[] { -1, 1, 16, 16 }, output.Dimensions);
        Assert.Equal("N", output.SymbolicDimensions[0]);
        Assert.Equal("GanGen", session.ModelMetadata.ProducerName);
        Assert.Equal("Generator", session.ModelMetadata.GraphName);
        Assert.Equal("16", session.ModelMetadata.CustomMetadataMap["gangen.latent_size"]);
    }

    [Fact]
    public void ConditionalGeneratorTakesNoiseAndLabels()
    {
        manual_seed(62);
        using var embedding = nn.Embedding(10, 4);
        using var fc = nn.Linear(Latent + 4, 8);
        var graph = new OnnxGraphBuilder("ConditionalGenerator");
        var z = graph.Input("noise", new long[] { -1, Latent });
        var labels = graph.Input("labels", new long[] { -1 }, OnnxDataType.Int64);
        var h = graph.Concat(1, z, graph.Embedding(labels, embedding, "embed"));
        graph.Output(graph.Tanh(graph.Linear(h, fc, "fc")), "samples", new long[] { -1, 8 });

        using var scope = NewDisposeScope();
        var noise = randn(3, Latent);
        var classes = tensor(new long[] { 2, 9, 0 });
        Tensor expected;
        using (no_grad()) expected = tanh(fc.forward(cat(new[] { noise, embedding.forward(classes) }, 1)));
        var actual = OnnxRuntimeRunner.RunOnce(graph.ToBytes(), ("noise", noise), ("labels", classes));
        AssertClose("Conditional generator", expected, actual);
    }
}
