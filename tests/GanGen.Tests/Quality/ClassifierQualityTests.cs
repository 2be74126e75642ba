using System;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime.Data;
using GanGen.Runtime.Quality;
using GanGen.Tests.Data;
using static TorchSharp.torch;

namespace GanGen.Tests.Quality;

/// <summary>The committed classifier and the quality figures it gives, on the embedded Fashion-MNIST test split.</summary>
public sealed class ClassifierQualityTests
{
    private static string Weights => Path.Combine(IdxReaderTests.EmbeddedFolder(), "..", "models", "fashion-classifier.ggck");

    private static (Tensor Images, Tensor Labels) TestSplit(int limit)
    {
        string folder = IdxReaderTests.EmbeddedFolder();
        return IdxReader.ReadPair(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), GanGen.DataRange.MinusOneToOne, limit);
    }

    [Fact]
    public void CommittedClassifierRecognisesTheTestImages()
    {
        using var classifier = FashionClassifier.Load(Weights);
        var (images, labels) = TestSplit(1000);
        using (images)
        using (labels)
        using (no_grad())
        {
            using var logits = classifier.forward(images);
            using var predictions = logits.argmax(1);
            double accuracy = predictions.eq(labels).to(float64).mean().item<double>();
            Assert.True(accuracy >= 0.85, $"accuracy {accuracy:P1} on the first 1,000 test images");
        }
    }

    [Fact]
    public void RealImagesAreCloseToRealImagesAndFarFromNoise()
    {
        var (images, labels) = TestSplit(4000);
        labels.Dispose();
        using (images)
        using (var evaluator = new QualityEvaluator(FashionClassifier.Load(Weights), images.narrow(0, 0, 2000)))
        using (var noise = rand(new long[] { 2000, 1, 28, 28 }, generator: new Generator(5)).mul_(2).sub_(1))
        {
            var realVsReal = evaluator.Evaluate(images.narrow(0, 2000, 2000));
            var realVsNoise = evaluator.Evaluate(noise);
            Assert.True(realVsNoise.FrechetDistance > 10 * realVsReal.FrechetDistance, $"real {realVsReal}; noise {realVsNoise}");
            Assert.Equal(10, realVsReal.ClassesCovered);
            Assert.Contains("2000 generated vs 2000 real", realVsReal.ToString());
            Assert.Contains("biased at 2000 samples", realVsReal.ToString());
            // KID is unbiased: two halves of the test split score about 0 on the scale of noise's distance.
            Assert.True(Math.Abs(realVsReal.KernelDistance) < 0.01 * realVsNoise.KernelDistance, $"real {realVsReal}; noise {realVsNoise}");
            Assert.True(realVsReal.PrecisionRecall.Precision > 0.6 && realVsReal.PrecisionRecall.Recall > 0.6 && realVsReal.PrecisionRecall.Coverage > 0.6, $"real {realVsReal}");
            // Noise lands in one tight clump inside the balls of a few outlying real samples: precision calls it 0.997
            // faithful (the weakness Naeem et al. 2020 name), density and coverage are why they exist.
            Assert.True(realVsNoise.PrecisionRecall.Recall < 0.1 && realVsNoise.PrecisionRecall.Coverage < 0.1 && realVsNoise.PrecisionRecall.Density < 0.5, $"noise {realVsNoise}");
        }
    }

    [Fact]
    public void ShortDcganTrainingImprovesTheFrechetDistanceClearly()
    {
        var (images, labels) = TestSplit(10_000);
        labels.Dispose();
        using var evaluator = new QualityEvaluator(FashionClassifier.Load(Weights), images.narrow(0, 0, 2000));
        using var batches = new ShuffledBatches(images, batchSize: 64, seed: 7);
        using var gan = new FashionDcgan(seed: 7);
        double before;
        using (var samples = gan.Sample(1000)) before = evaluator.Evaluate(samples).FrechetDistance;
        for (long step = 0; step < 300; step++)
        {
            using var batch = batches.ForStep(step);
            gan.Step(batch);
        }
        double after;
        using (var samples = gan.Sample(1000)) after = evaluator.Evaluate(samples).FrechetDistance;
        Assert.True(after < 0.5 * before, $"FID {before:F1} untrained → {after:F1} after 300 steps (1,000 samples vs 2,000 real)");
    }

    [Fact]
    public void MissingOrForeignWeightsAreNamed()
    {
        Assert.Contains("absent.ggck", Assert.Throws<FileNotFoundException>(() => FashionClassifier.Load("absent.ggck")).Message);
        string path = Path.Combine(Path.GetTempPath(), "gangen-not-weights-" + Guid.NewGuid().ToString("N") + ".ggck");
        File.WriteAllText(path, "not weights");
        try
        {
            Assert.Contains(Path.GetFileName(path), Assert.Throws<InvalidDataException>(() => FashionClassifier.Load(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
