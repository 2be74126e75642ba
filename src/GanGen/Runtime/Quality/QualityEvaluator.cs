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
    private const int Chunk = 500;
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

    private Tensor Featurise(Tensor images, out Tensor probabilities)
    {
        if (images.dim() != 4 || images.size(1) != 1 || images.size(2) != 28 || images.size(3) != 28)
            throw new ArgumentException($"The Fashion classifier takes [N, 1, 28, 28] images; got [{string.Join(", ", images.shape)}].", nameof(images));
        using var _ = no_grad();
        _classifier.eval();
        var features = new System.Collections.Generic.List<Tensor>();
        var probs = new System.Collections.Generic.List<Tensor>();
        try
        {
            for (long start = 0; start < images.size(0); start += Chunk)
            {
                using var chunk = images.narrow(0, start, Math.Min(Chunk, images.size(0) - start)).cpu();
                var f = _classifier.Features(chunk);
                features.Add(f);
                using var logits = _classifier.forward(chunk);
                probs.Add(logits.softmax(1));
            }
            probabilities = cat(probs, 0);
            return cat(features, 0);
        }
        finally
        {
            foreach (var t in features) t.Dispose();
            foreach (var t in probs) t.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _realMean.Dispose();
        _realCovariance.Dispose();
        _classifier.Dispose();
    }
}
