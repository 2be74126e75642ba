using System;
using System.Globalization;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>
/// Quality figures of one evaluation, always with the sample counts: FID is biased by its sample count (it falls as
/// the count grows), KID is not, and precision/recall/density/coverage (k = 5) separate fidelity from diversity.
/// </summary>
public sealed record QualityReport(double FrechetDistance, double InceptionScore, int ClassesCovered, long RealSamples, long GeneratedSamples,
    double KernelDistance, PrecisionRecallScores PrecisionRecall)
{
    /// <summary>Below this many generated samples FID's bias is large enough to say so (Chong &amp; Forsyth 2020; clean-fid uses 2,048 at least).</summary>
    public const long UnbiasedFidSamples = 2048;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"FID (Fashion classifier features) {FrechetDistance:F2}{(GeneratedSamples < UnbiasedFidSamples ? $" (biased at {GeneratedSamples} samples; compare KID)" : "")}, " +
        $"KID×10³ {KernelDistance * 1000:F2}, precision {PrecisionRecall.Precision:F3}, recall {PrecisionRecall.Recall:F3}, density {PrecisionRecall.Density:F3}, coverage {PrecisionRecall.Coverage:F3} (k = 5), " +
        $"IS {InceptionScore:F2}, classes covered {ClassesCovered}/10 ({GeneratedSamples} generated vs {RealSamples} real)");
}

/// <summary>Holds the classifier and the real images' feature statistics, so each evaluation featurises only samples.</summary>
public sealed class QualityEvaluator : IDisposable
{
    private readonly FashionClassifier _classifier;
    private readonly Tensor _realMean;
    private readonly Tensor _realCovariance;
    private readonly Tensor _realFeatures;

    /// <summary>Fits the real statistics on <paramref name="realImages"/> ([N, 1, 28, 28] in [−1, 1]).</summary>
    public QualityEvaluator(FashionClassifier classifier, Tensor realImages)
    {
        _classifier = classifier ?? throw new ArgumentNullException(nameof(classifier));
        ArgumentNullException.ThrowIfNull(realImages);
        RealSamples = realImages.size(0);
        _realFeatures = Featurise(realImages, out var probabilities).DetachFromDisposeScope();
        probabilities.Dispose();
        (_realMean, _realCovariance) = FrechetDistance.Statistics(_realFeatures);
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
                    generated.size(0),
                    Quality.KernelDistance.Compute(features, _realFeatures),
                    Quality.PrecisionRecall.Compute(_realFeatures, features));
            }
        }
    }

    private Tensor Featurise(Tensor images, out Tensor probabilities) => ClassifierFeatures.Of(_classifier, images, out probabilities);

    /// <inheritdoc />
    public void Dispose()
    {
        _realMean.Dispose();
        _realCovariance.Dispose();
        _realFeatures.Dispose();
        _classifier.Dispose();
    }
}
