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
        string weights = Path.Combine(Path.GetDirectoryName(FashionData.EmbeddedImages)!, "..", "models", "fashion-classifier.ggck");
        var classifier = FashionClassifier.Load(Path.GetFullPath(weights));
        using var real = IdxReader.ReadImages(FashionData.EmbeddedImages, GanGen.DataRange.MinusOneToOne, RealSamples);
        return new QualityEvaluator(classifier, real);
    }

    public static Evaluation Evaluate(QualityEvaluator evaluator, Tensor samples)
    {
        var report = evaluator.Evaluate(samples);
        return new Evaluation(report.FrechetDistance, report.ToString());
    }
}
