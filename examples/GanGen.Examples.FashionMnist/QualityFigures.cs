using System;
using System.IO;
using GanGen.Runtime.Data;
using GanGen.Runtime.Quality;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>
/// The classifier-based quality figures: FID on the committed Fashion classifier's features, Inception Score and
/// classes covered, against the embedded test images.
/// </summary>
internal static class QualityFigures
{
    /// <summary>Real images the statistics are fitted on.</summary>
    public const int RealSamples = 5000;

    public static QualityEvaluator Create()
    {
        using var real = IdxReader.ReadImages(FashionData.EmbeddedImages, GanGen.DataRange.MinusOneToOne, RealSamples);
        return new QualityEvaluator(Classifier(), real);
    }

    /// <summary>Per-class statistics of the same real test images, for the conditional GAN.</summary>
    public static ClassConditionalEvaluator CreateConditional(int classes)
    {
        var (real, labels) = IdxReader.ReadPair(FashionData.EmbeddedImages, FashionData.EmbeddedLabels, GanGen.DataRange.MinusOneToOne, RealSamples);
        using (real) using (labels) return new ClassConditionalEvaluator(Classifier(), real, labels, classes);
    }

    private static FashionClassifier Classifier()
    {
        string weights = Path.Combine(Path.GetDirectoryName(FashionData.EmbeddedImages)!, "..", "models", "fashion-classifier.ggck");
        return FashionClassifier.Load(Path.GetFullPath(weights));
    }

    /// <summary>The figures of <paramref name="count"/> fresh samples of <paramref name="gan"/>, scored by their FID.</summary>
    public static Evaluation Evaluate<TGenerator, TDiscriminator>(QualityEvaluator evaluator, GanTrainer<TGenerator, TDiscriminator> gan, int count)
        where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    {
        using var samples = gan.Sample(count);
        var report = evaluator.Evaluate(samples);
        return new Evaluation(report.FrechetDistance, report.ToString());
    }
}
