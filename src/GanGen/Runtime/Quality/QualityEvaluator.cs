using System;
using System.Globalization;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>Quality figures of one evaluation, always with the sample counts (Fréchet distances depend on them).</summary>
public sealed record QualityReport(double FrechetDistance, double InceptionScore, int ClassesCovered, long RealSamples, long GeneratedSamples)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"FID (Fashion classifier features) {FrechetDistance:F2} ({GeneratedSamples} generated vs {RealSamples} real), IS {InceptionScore:F2}, classes covered {ClassesCovered}/10");
}

/// <summary>Holds the classifier and the real images' feature statistics, so each evaluation featurises only samples.</summary>
public sealed class QualityEvaluator : IDisposable
{
    private readonly FashionClassifier _classifier;
    private readonly Tensor _realMean;
    private readonly Tensor _realCovariance;

    /// <summary>Fits the real statistics on <paramref name="realImages"/> ([N, 1, 28, 28] in [−1, 1]).</summary>
    public QualityEvaluator(FashionClassifier classifier, Tensor realImages)
    {
        _classifier = classifier ?? throw new ArgumentNullException(nameof(classifier));
        ArgumentNullException.ThrowIfNull(realImages);
        RealSamples = realImages.size(0);
        using var features = Featurise(realImages, out _);
        (_realMean, _realCovariance) = FrechetDistance.Statistics(features);
    }

    /// <summary>Real images the statistics were fitted on.</summary>
    public long RealSamples { get; }

    /// <summary>Evaluates generated samples [N, 1, 28, 28] in [−1, 1].</summary>
    public QualityReport Evaluate(Tensor generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        using var features = Featurise(generated, out var probabilities);
        using (probabilities)
        {
            var (mean, covariance) = FrechetDistance.Statistics(features);
            using (mean) using (covariance)
            {
                return new QualityReport(
                    FrechetDistance.Compute(mean, covariance, _realMean, _realCovariance),
                    ClassifierScores.InceptionScore(probabilities),
                    ClassifierScores.ClassesCovered(probabilities),
                    RealSamples,
                    generated.size(0));
            }
        }
    }

    private Tensor Featurise(Tensor images, out Tensor probabilities) => ClassifierFeatures.Of(_classifier, images, out probabilities);

    /// <inheritdoc />
    public void Dispose()
    {
        _realMean.Dispose();
        _realCovariance.Dispose();
        _classifier.Dispose();
    }
}
