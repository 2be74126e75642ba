using System.Diagnostics;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime.Data;
using GanGen.Runtime.Interop;
using GanGen.Runtime.Interop.PyTorch;
using GanGen.Tests.Infrastructure;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Twin;

/// <summary>
/// The path beyond one machine, end to end on this one: GanGen writes the README's WGAN-GP ring GAN as a PyTorch twin
/// with a dataset, <c>torchrun</c> trains it in two processes with DistributedDataParallel over gloo, and GanGen loads
/// the weights rank 0 wrote and samples from them.
/// </summary>
public sealed class TorchrunTests : TemporaryFolderTests
{
    private const int Steps = 300;

    private readonly ITestOutputHelper _output;

    public TorchrunTests(ITestOutputHelper output) : base("gangen-torchrun") => _output = output;

    [PyTorchFact]
    public void Two_torchrun_processes_train_the_twin_and_GanGen_samples_from_their_weights()
    {
        PythonTorch.Require();
        string twin = PathOf("twin");
        using (var gan = new RingGan(seed: 1))
        {
            gan.WritePyTorchTwin(twin);
            using var data = GaussianMixture2D.Ring(seed: 1);
            using var points = data.Sample(4096);
            PyTorchTwin.WriteDataset(PathOf("ring.safetensors"), points);
        }

        // Debian 12's torchrun (torch 1.13 on Python 3.11) cannot parse its own default "--redirects 0"/"--tee 0"
        // (Python 3.11 no longer lists the zero flag); a mapping for a rank that does not exist means "none" too.
        var watch = Stopwatch.StartNew();
        var (exitCode, output) = PythonTorch.Run(PythonTorch.Torchrun, new[]
        {
            "--standalone", "--nproc_per_node=2", "--redirects", "9:1", "--tee", "9:1",
            Path.Combine(twin, "train.py"), "--data", PathOf("ring.safetensors"), "--steps", Steps.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--batch-size", "64", "--out", PathOf("trained.safetensors"),
        }, FolderPath, _output, timeoutMinutes: 10);
        _output.WriteLine($"torchrun took {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(exitCode == 0, "torchrun failed:\n" + output);
        Assert.Contains($"step {Steps}/{Steps} (x2 processes)", output);
        Assert.Contains("replicas agree: max parameter difference 0 across 2 processes", output);

        using var restored = new RingGan(seed: 7);
        using var before = restored.GeneratorParameters.Values.clone();
        restored.LoadWeights(PathOf("trained.safetensors"));
        using var samples = restored.Sample(1000);
        Assert.Equal(new long[] { 1000, 2 }, samples.shape);
        Assert.True(samples.isfinite().all().item<bool>(), "samples from the torchrun-trained weights are not finite");
        Assert.True((restored.GeneratorParameters.Values - before).abs().max().item<float>() > 1e-3, "the loaded weights are the initial ones");
        using var file = SafeTensors.Read(PathOf("trained.safetensors"));
        Assert.Equal("RingGan", file.Metadata["gangen.gan"]);
        Assert.Equal(Steps.ToString(System.Globalization.CultureInfo.InvariantCulture), file.Metadata["gangen.step"]);
    }
}
