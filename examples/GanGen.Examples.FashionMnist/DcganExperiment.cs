using System;
using GanGen.Examples.Models;
using GanGen.Runtime.Quality;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// The main example: the unconditional DCGAN — or, for the stabiliser table, one of its declared variants — measured
/// by FID, Inception Score and classes covered.
/// </summary>
internal sealed class DcganExperiment<TGan, TGenerator, TDiscriminator>(string title, Func<string> summary, Func<Device, long, TGan> create)
    : Experiment<TGan, TGenerator, TDiscriminator>
    where TGan : GanTrainer<TGenerator, TDiscriminator>
    where TGenerator : nn.Module<Tensor, Tensor>, GanGen.Runtime.Kernels.IKernelChecked
    where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
{
    private FashionData? _data;
    private QualityEvaluator? _quality;

    protected override string Title => title;

    protected override string Summary() => summary();

    protected override TGan Create(Device device, long seed) => create(device, seed);

    protected override string LoadData(ExampleOptions options, Device device)
    {
        _data = FashionData.Load(options.DataPath, options.BatchSize, options.Seed, device, labelled: false);
        return _data.Description;
    }

    protected override GanBatch Batch(long step) => _data!.Batch(step);

    protected override void LoadQuality() => _quality = QualityFigures.Create();

    protected override Evaluation Evaluate(TGan gan, int samples) => QualityFigures.Evaluate(_quality!, gan, samples);

    public override void Dispose()
    {
        _data?.Dispose();
        _quality?.Dispose();
    }
}
