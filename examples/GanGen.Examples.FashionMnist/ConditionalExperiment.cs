using System;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime.Imaging;
using GanGen.Runtime.Quality;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// A class-conditional GAN (the conditional DCGAN, or the conditional ResNet): trained on labelled images, measured by
/// conditional accuracy (does the committed classifier see the class that was asked for?) and FID overall and per
/// class; its sample grids hold one class per row.
/// </summary>
internal sealed class ConditionalExperiment<TGan, TGenerator, TDiscriminator>(string title, Func<string> summary, Func<Device, long, TGan> create)
    : Experiment<TGan, TGenerator, TDiscriminator>
    where TGan : GanTrainer<TGenerator, TDiscriminator>
    where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
{
    private const int Classes = 10;
    private FashionData? _data;
    private ClassConditionalEvaluator? _quality;

    protected override string Title => title;

    protected override string Summary() => summary();

    protected override TGan Create(Device device, long seed) => create(device, seed);

    protected override string LoadData(ExampleOptions options, Device device)
    {
        _data = FashionData.Load(options.DataPath, options.BatchSize, options.Seed, device, labelled: true);
        return _data.Description;
    }

    protected override GanBatch Batch(long step) => _data!.Batch(step);

    protected override void LoadQuality() => _quality = QualityFigures.CreateConditional(Classes);

    /// <summary>Scored by the mean per-class FID, so best.ckpt is the checkpoint that draws every class best.</summary>
    protected override Evaluation Evaluate(TGan gan, int samples)
    {
        var report = _quality!.Evaluate(labels => gan.Sample(labels), Math.Max(2, samples / Classes));
        return new Evaluation(report.MeanClassFrechetDistance, report.ToString());
    }

    /// <summary>classes.png: ten samples of every class, one class per row, from fixed noise.</summary>
    protected override string[] Extras => ["classes.png"];

    protected override void WriteExtras(TGan gan, string folder)
    {
        using var labels = arange(Classes, dtype: ScalarType.Int64).repeat_interleave(10);
        using var noise = gan.CreateNoise(10).repeat(Classes, 1);
        using var samples = gan.Generate(noise, labels);
        using var grid = ImageGrid.Make(samples, columns: 10);
        string path = Path.Combine(folder, Extras[0]);
        PngFile.Write(grid, path);
        Console.WriteLine($"classes.png: one row per class, the same ten noise vectors in every row ({path})");
    }

    public override void Dispose()
    {
        _data?.Dispose();
        _quality?.Dispose();
    }
}
