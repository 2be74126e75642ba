using BenchmarkDotNet.Attributes;
using GanGen.Benchmarks.Baselines;
using GanGen.Benchmarks.Declarations;
using GanGen.Examples.Models;
using static TorchSharp.torch;

namespace GanGen.Benchmarks;

/// <summary>Time and managed bytes per DCGAN step (batch 64, 1×28×28, latent 100): generated against hand-written.</summary>
[MemoryDiagnoser]
public class DcganStepBenchmarks
{
    private Tensor _batch = null!;
    private FashionDcgan _generated = null!;
    private HandWrittenDcgan _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        Threads.Configure();
        manual_seed(1);
        _batch = rand(64, 1, 28, 28).mul_(2).sub_(1);
        _generated = new FashionDcgan(seed: 1);
        _handWritten = new HandWrittenDcgan(seed: 1);
    }

    [Benchmark(Baseline = true, Description = "hand-written TorchSharp")]
    public float HandWritten() => _handWritten.TrainStep(_batch).Discriminator;

    [Benchmark(Description = "GanGen generated")]
    public void Generated() => _generated.Step(_batch);

    [GlobalCleanup]
    public void Cleanup()
    {
        _generated.Dispose();
        _handWritten.Dispose();
        _batch.Dispose();
    }
}
