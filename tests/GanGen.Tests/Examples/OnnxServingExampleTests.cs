using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text.Json;
using GanGen.Examples.Models;
using GanGen.Tests.Infrastructure;
using GanGen.Tests.Interop;
using SkiaSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Examples;

/// <summary>
/// The deployment example: a generator exported here with <c>ExportOnnx</c> is served by a program that has ONNX
/// Runtime and nothing of GanGen, TorchSharp or libtorch, and its samples are the ones TorchSharp generates from the
/// same noise.
/// </summary>
public sealed class OnnxServingExampleTests : TemporaryFolderTests
{
    private readonly ITestOutputHelper _output;

    public OnnxServingExampleTests(ITestOutputHelper output) : base("gangen-serving") => _output = output;

    /// <summary>Where the serving example is built.</summary>
    internal static string OutputFolder => Path.Combine(DotnetCommand.RepositoryRoot(), "examples", "GanGen.Examples.OnnxServing", "bin", DotnetCommand.Configuration, "net10.0");

    [Fact]
    public void Its_output_folder_has_onnx_runtime_and_no_torchsharp_libtorch_or_gangen()
    {
        var files = Directory.GetFiles(OutputFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();

        Assert.Contains("GanGen.Examples.OnnxServing.dll", files);
        Assert.Contains("Microsoft.ML.OnnxRuntime.dll", files);
        Assert.Contains("libonnxruntime.so", files);
        Assert.DoesNotContain(files, name => name!.Contains("torch", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("GanGen.dll", files);
        Assert.DoesNotContain("GanGen.Abstractions.dll", files);
    }

    [Fact]
    public void Generate_writes_the_samples_torchsharp_makes_from_the_same_noise_with_images()
    {
        using var gan = new FashionDcgan(seed: 1);
        for (int i = 0; i < 2; i++) gan.Step(randn(8, 1, 28, 28).tanh_());
        string model = PathOf("fashion.onnx"), folder = PathOf("fashion");
        gan.ExportOnnx(model);

        var run = Example($"generate --model \"{model}\" --count 6 --seed 3 --output \"{folder}\"");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("wrote 6 samples of shape [1, 28, 28] from FashionDcgan", run.Output);
        using var noise = Floats(Path.Combine(folder, "noise.f32"), 6, 100);
        using var served = Floats(Path.Combine(folder, "samples.f32"), 6, 1, 28, 28);
        using var expected = gan.Generate(noise);
        double difference = (expected - served).abs().max().item<float>();
        _output.WriteLine($"served vs TorchSharp: max difference {difference:E2}");
        Assert.True(difference <= 1e-5, $"the served samples differ from TorchSharp's by {difference:E3}");
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "samples.json"))))
            Assert.Equal(new[] { 6, 1, 28, 28 }, json.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));

        // The PNGs show the values: [−1, 1] mapped to 0…255.
        using var single = SKBitmap.Decode(Path.Combine(folder, "sample-004.png"));
        Assert.Equal((28, 28), (single.Width, single.Height));
        var values = served.data<float>().ToArray();
        foreach (var (x, y) in new[] { (0, 0), (13, 14), (27, 27) })
            Assert.Equal(Math.Round(Math.Clamp((values[4 * 784 + y * 28 + x] + 1) / 2, 0, 1) * 255, MidpointRounding.AwayFromZero), single.GetPixel(x, y).Red);
        using var grid = SKBitmap.Decode(Path.Combine(folder, "grid.png"));
        Assert.Equal((6 * 28 + 5 * 2, 28), (grid.Width, grid.Height));
        Assert.Equal(single.GetPixel(13, 14), grid.GetPixel(4 * 30 + 13, 14));
    }

    [Fact]
    public void A_conditional_generator_takes_the_given_labels()
    {
        using var gan = new ConditionalDcgan(seed: 1);
        string model = PathOf("conditional.onnx"), folder = PathOf("conditional");
        gan.ExportOnnx(model);

        var run = Example($"generate --model \"{model}\" --count 3 --seed 5 --labels 9,0,3 --output \"{folder}\"");

        Assert.True(run.ExitCode == 0, run.Output);
        using var noise = Floats(Path.Combine(folder, "noise.f32"), 3, 100);
        using var served = Floats(Path.Combine(folder, "samples.f32"), 3, 1, 28, 28);
        using var labels = tensor(new long[] { 9, 0, 3 });
        using var expected = gan.Generate(noise, labels);
        Assert.True((expected - served).abs().max().item<float>() <= 1e-5);
        var bad = Example($"generate --model \"{model}\" --count 2 --labels 1,10 --output \"{folder}\"");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("error: --labels: label 10 is outside ConditionalDcgan's classes 0 to 9", bad.Output);
    }

    [Fact]
    public async System.Threading.Tasks.Task Serve_answers_sample_requests_with_what_generate_writes()
    {
        using var gan = new RingGan(seed: 1);
        string model = PathOf("ring.onnx"), folder = PathOf("ring");
        gan.ExportOnnx(model);
        Assert.Equal(0, Example($"generate --model \"{model}\" --count 4 --seed 8 --output \"{folder}\"").ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "samples.csv")), "flat samples are written as CSV");
        using var generated = Floats(Path.Combine(folder, "samples.f32"), 4, 2);

        using var server = ServingProcess.Start(Dll, model, "RingGan");
        var client = server.Client;
        using var samples = JsonDocument.Parse(await client.GetStringAsync("/samples?count=4&seed=8"));
        Assert.Equal(new[] { 4, 2 }, samples.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(generated.data<float>().ToArray(), samples.RootElement.GetProperty("values").EnumerateArray().Select(e => e.GetSingle()));

        using var info = JsonDocument.Parse(await client.GetStringAsync("/"));
        Assert.Equal(8, info.RootElement.GetProperty("latent_size").GetInt32());
        Assert.Equal(SampleLimitsServed, info.RootElement.GetProperty("max_count").GetInt32());
        using var notImages = await client.GetAsync("/samples.png");
        Assert.Equal(HttpStatusCode.BadRequest, notImages.StatusCode);
        Assert.Contains("not images", await notImages.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_refiner_or_a_missing_file_is_one_error_line()
    {
        using var refiner = new FashionRefiner(seed: 1);
        string model = PathOf("refiner.onnx");
        refiner.ExportOnnx(model);

        var run = Example($"generate --model \"{model}\" --output \"{PathOf("out")}\"");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is a refiner (FashionRefiner): it transforms source images", run.Output);
        var missing = Example($"generate --model \"{PathOf("absent.onnx")}\"");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error: '", missing.Output);
        Assert.DoesNotContain("   at ", missing.Output);
    }

    private const int SampleLimitsServed = 256;

    /// <summary>The built serving example.</summary>
    internal static string Dll
    {
        get
        {
            string dll = Path.Combine(OutputFolder, "GanGen.Examples.OnnxServing.dll");
            Assert.True(File.Exists(dll), $"The example is not built at {dll}; build the solution first.");
            return dll;
        }
    }

    private (int ExitCode, string Output) Example(string arguments) =>
        DotnetCommand.Run(FolderPath, $"\"{Dll}\" {arguments}", _output, timeoutMinutes: 2);

    private static Tensor Floats(string path, params long[] shape)
    {
        var values = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();
        return tensor(values).reshape(shape);
    }
}
