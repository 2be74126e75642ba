using GanGen.Examples.Models;
using GanGen.Runtime.Quality;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>The main example: the unconditional DCGAN, measured by FID, Inception Score and classes covered.</summary>
internal sealed class DcganExperiment : Experiment<FashionDcgan, FashionDcgan.FashionGenerator, FashionDcgan.FashionDiscriminator>
{
    private FashionData? _data;
    private QualityEvaluator? _quality;

    protected override string Title => "Fashion-MNIST DCGAN";

    protected override string Summary() => FashionDcgan.Summary();

    protected override FashionDcgan Create(Device device, long seed) => new(device, seed);

    protected override string LoadData(ExampleOptions options, Device device)
    {
        _data = FashionData.Load(options.DataPath, options.BatchSize, options.Seed, device, labelled: false);
        return _data.Description;
    }

    protected override GanBatch Batch(long step) => _data!.Batch(step);

    protected override void LoadQuality() => _quality = QualityFigures.Create();

    protected override Evaluation Evaluate(FashionDcgan gan, int samples) => QualityFigures.Evaluate(_quality!, gan, samples);

    public override void Dispose()
    {
        _data?.Dispose();
        _quality?.Dispose();
    }
}
