using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>
/// Quality of a class-conditional generator, always with sample counts: conditional accuracy (the share of samples
/// the classifier assigns to the class they were generated for), FID of all samples against all real images, and
/// FID per class against that class's real images.
/// </summary>
public sealed record ClassConditionalReport(double ConditionalAccuracy, double FrechetDistance, IReadOnlyList<double> ClassFrechetDistances,
    double InceptionScore, long RealSamples, long GeneratedPerClass)
{
    /// <summary>The mean of the per-class FIDs.</summary>
    public double MeanClassFrechetDistance => ClassFrechetDistances.Average();

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"conditional accuracy {ConditionalAccuracy:P1} ({GeneratedPerClass} per class), FID {FrechetDistance:F2} ({GeneratedPerClass * ClassFrechetDistances.Count} generated vs {RealSamples} real), " +
        $"class FID mean {MeanClassFrechetDistance:F2} (min {ClassFrechetDistances.Min():F2}, max {ClassFrechetDistances.Max():F2}), IS {InceptionScore:F2}");
}

/// <summary>Holds the classifier and the real images' statistics, overall and per class.</summary>
public sealed class ClassConditionalEvaluator : IDisposable
{
    private readonly FashionClassifier _classifier;
    private readonly (Tensor Mean, Tensor Covariance) _real;
    private readonly (Tensor Mean, Tensor Covariance)[] _realByClass;

    /// <summary>Fits the statistics on <paramref name="realImages"/> ([N, 1, 28, 28] in [−1, 1]) labelled <paramref name="realLabels"/> ([N]).</summary>
    public ClassConditionalEvaluator(FashionClassifier classifier, Tensor realImages, Tensor realLabels, int classes)
    {
        _classifier = classifier ?? throw new ArgumentNullException(nameof(classifier));
        ArgumentNullException.ThrowIfNull(realImages);
        ArgumentNullException.ThrowIfNull(realLabels);
        Classes = classes;
        RealSamples = realImages.size(0);
        using var features = ClassifierFeatures.Of(classifier, realImages, out var probabilities);
        probabilities.Dispose();
        _real = FrechetDistance.Statistics(features);
        _realByClass = new (Tensor, Tensor)[classes];
        for (int c = 0; c < classes; c++)
        {
            using var mask = realLabels.eq(c);
            using var ofClass = features.index_select(0, mask.nonzero().squeeze(1));
            if (ofClass.size(0) < 2) throw new ArgumentException($"The real images hold {ofClass.size(0)} of class {c}; each class needs some to compare with.", nameof(realLabels));
            _realByClass[c] = FrechetDistance.Statistics(ofClass);
        }
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Real images the statistics were fitted on.</summary>
    public long RealSamples { get; }

    /// <summary>
    /// Evaluates <paramref name="perClass"/> samples of every class drawn by <paramref name="generate"/> (labels [N] →
    /// samples [N, 1, 28, 28] in [−1, 1]).
    /// </summary>
    public ClassConditionalReport Evaluate(Func<Tensor, Tensor> generate, int perClass)
    {
        ArgumentNullException.ThrowIfNull(generate);
        if (perClass < 2) throw new ArgumentOutOfRangeException(nameof(perClass), perClass, "Evaluate at least 2 samples per class.");
        using var labels = arange(Classes, dtype: ScalarType.Int64).repeat_interleave(perClass);
        using var samples = generate(labels);
        using var features = ClassifierFeatures.Of(_classifier, samples, out var probabilities);
        using (probabilities)
        {
            using var predicted = probabilities.argmax(1);
            using var hits = predicted.eq(labels);
            double accuracy = hits.to_type(ScalarType.Float64).mean().item<double>();
            var perClassDistances = new double[Classes];
            for (int c = 0; c < Classes; c++)
            {
                using var ofClass = features.narrow(0, (long)c * perClass, perClass);
                perClassDistances[c] = Distance(ofClass, _realByClass[c]);
            }
            return new ClassConditionalReport(accuracy, Distance(features, _real), perClassDistances,
                ClassifierScores.InceptionScore(probabilities), RealSamples, perClass);
        }
    }

    private static double Distance(Tensor features, (Tensor Mean, Tensor Covariance) real)
    {
        var (mean, covariance) = FrechetDistance.Statistics(features);
        using (mean) using (covariance) return FrechetDistance.Compute(mean, covariance, real.Mean, real.Covariance);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _real.Mean.Dispose();
        _real.Covariance.Dispose();
        foreach (var (mean, covariance) in _realByClass)
        {
            mean.Dispose();
            covariance.Dispose();
        }
        _classifier.Dispose();
    }
}
