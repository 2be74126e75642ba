using BenchmarkDotNet.Attributes;
using GanGen.Benchmarks.Baselines;
using GanGen.Benchmarks.Declarations;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

namespace GanGen.Benchmarks;

/// <summary>
/// Time and managed bytes per training step: the generated ring GAN against the hand-written one, side by side in
/// one run. Both train on the same pre-sampled batch (batch 256) so only the step itself is measured.
/// </summary>
[MemoryDiagnoser]
public class RingStepBenchmarks
{
    private GaussianMixture2D _data = null!;
    private Tensor _batch = null!;
    private BenchRingGan _generated = null!;
    private HandWrittenRingGan _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        Threads.Configure();
        _data = GaussianMixture2D.Ring(seed: 1);
        _batch = _data.Sample(256);
        _generated = new BenchRingGan(seed: 1);
        _handWritten = new HandWrittenRingGan(seed: 1);
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
        _data.Dispose();
    }
}
