using System;
using System.Globalization;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime.Data;
using GanGen.Runtime.Imaging;
using GanGen.Runtime.Quality;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// The SimGAN-style refiner: half of the training images are rendered "synthetic" (<see cref="SyntheticRenderings"/>)
/// and refined toward the other half, the real ones, unpaired. Measured on held-out renderings of test images: the FID
/// of the refined images against real test images (lower than the renderings' own FID when refinement works) and
/// the mean absolute change from each source (small when the content is kept).
/// </summary>
internal sealed class RefinerExperiment<TGan, TGenerator, TDiscriminator>(string title, Func<string> summary, Func<Device, long, TGan> create)
    : Experiment<TGan, TGenerator, TDiscriminator>
    where TGan : GanTrainer<TGenerator, TDiscriminator>
    where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
{
    private ShuffledBatches? _real;
    private ShuffledBatches? _sources;
    private QualityEvaluator? _quality;
    private Tensor? _heldOutSources;
    private string? _sourceFid;

    protected override string Title => title;

    protected override string Summary() => summary();

    protected override TGan Create(Device device, long seed) => create(device, seed);

    protected override string LoadData(ExampleOptions options, Device device)
    {
        var (images, _, source) = FashionData.Read(options.DataPath, labelled: false);
        using (images)
        {
            long half = images.size(0) / 2;
            if (half < options.BatchSize)
                throw new UsageException($"--batch-size {options.BatchSize} is larger than half the {images.size(0):N0} images of {source} (one half is rendered, the other real); use at most {half}");
            using var toRender = images.narrow(0, 0, half);
            _sources = new ShuffledBatches(SyntheticRenderings.Render(toRender, options.Seed).to(device), options.BatchSize, options.Seed + 1);
            _real = new ShuffledBatches(images.narrow(0, half, images.size(0) - half).clone().to(device), options.BatchSize, options.Seed);
        }
        return $"{_sources.Count:N0} rendered and {_real.Count:N0} real images from {source}, unpaired ({_real.BatchesPerEpoch} batches of {options.BatchSize} per epoch)";
    }

    protected override GanBatch Batch(long step)
    {
        var real = _real!.ForStep(step);
        return new GanBatch(real, sources: _sources!.ForStep(step));
    }

    /// <summary>Held-out sources: renderings of the test split's second half; the FID reference is its first half.</summary>
    protected override void LoadQuality()
    {
        _quality = QualityFigures.Create();
        using var test = IdxReader.ReadImages(FashionData.EmbeddedImages, GanGen.DataRange.MinusOneToOne);
        using var heldOut = test.narrow(0, QualityFigures.RealSamples, test.size(0) - QualityFigures.RealSamples);
        _heldOutSources = SyntheticRenderings.Render(heldOut, seed: 7);
    }

    protected override Evaluation Evaluate(TGan gan, int samples)
    {
        using var sources = _heldOutSources!.narrow(0, 0, Math.Min(samples, _heldOutSources.size(0)));
        _sourceFid ??= _quality!.Evaluate(sources).FrechetDistance.ToString("F2", CultureInfo.InvariantCulture);
        using var refined = gan.Refine(sources);
        var report = _quality!.Evaluate(refined);
        using var change = refined.sub(sources).abs_().mean();
        return new Evaluation(report.FrechetDistance,
            $"{report} — the held-out renderings themselves: FID {_sourceFid}; mean |refined − source| {change.item<float>().ToString("F3", CultureInfo.InvariantCulture)}");
    }

    /// <summary>pairs.png: held-out renderings (odd rows) above their refinements (even rows).</summary>
    protected override string[] Extras => ["pairs.png"];

    protected override void WriteExtras(TGan gan, string folder)
    {
        using var sources = _heldOutSources!.narrow(0, 0, 32);
        using var refined = gan.Refine(sources);
        using var rows = stack(new[] { sources.reshape(4, 8, 1, 28, 28), refined.reshape(4, 8, 1, 28, 28) }, 1).reshape(64, 1, 28, 28);
        using var grid = ImageGrid.Make(rows);
        string path = Path.Combine(folder, Extras[0]);
        PngFile.Write(grid, path);
        Console.WriteLine($"pairs.png: held-out renderings above their refinements ({path})");
    }

    public override void Dispose()
    {
        _real?.Dispose();
        _sources?.Dispose();
        _quality?.Dispose();
        _heldOutSources?.Dispose();
    }
}
