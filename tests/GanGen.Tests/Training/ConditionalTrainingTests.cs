using System;
using GanGen.Runtime.Training;
using GanGen.Tests.Declarations;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>Labels reach both networks of a conditional GAN, and each conditioning computes what its paper says.</summary>
public class ConditionalTrainingTests
{
    [Fact]
    public void ChangingTheLabelChangesTheGeneratorsSampleAndTheDiscriminatorsScore()
    {
        using var gan = new ConditionalPointsGan(seed: 3);
        using var scope = NewDisposeScope();
        var noise = randn(6, 4);
        var zeros = full(6, 0L, dtype: ScalarType.Int64);
        var ones = full(6, 1L, dtype: ScalarType.Int64);
        var sampleZero = gan.Generate(noise, zeros);
        var sampleOne = gan.Generate(noise, ones);
        Assert.True(sampleZero.sub(sampleOne).abs().max().item<float>() > 1e-4f, "the generator ignores its label");

        var points = randn(6, 2);
        var scoreZero = gan.Discriminator.forward(points, zeros);
        var scoreOne = gan.Discriminator.forward(points, ones);
        Assert.True(scoreZero.sub(scoreOne).abs().max().item<float>() > 1e-4f, "the discriminator ignores the label");
    }

    [Fact]
    public void ProjectionScoreIsTheUnconditionalScorePlusTheLabelsInnerProductWithTheFeatures()
    {
        using var gan = new ConditionalPointsGan(seed: 4);
        using var scope = NewDisposeScope();
        var disc = gan.Discriminator;
        var points = randn(5, 2);
        var labels = tensor(new long[] { 0, 1, 2, 1, 0 });

        // φ(x): the input of the last layer. V: the projection embedding (Miyato & Koyama 2018, eq. 3).
        var features = nn.functional.leaky_relu(disc.Hidden.forward(points), 0.2);
        var projection = disc.state_dict()["LabelProjection.weight"];
        var expected = disc.Score.forward(features).squeeze(1) + (projection.index_select(0, labels) * features).sum(1);

        var actual = disc.forward(points, labels).squeeze(1);
        Assert.True(actual.allclose(expected, 1e-5, 1e-5), $"expected {expected.str()}, got {actual.str()}");
    }

    [Fact]
    public void ConditionalBatchNormStartsAtTheIdentityAndAuxiliaryHeadClassifiesTheFeatures()
    {
        using var gan = new AuxiliaryPointsGan(seed: 5);
        using var scope = NewDisposeScope();
        var state = gan.Generator.state_dict();
        Assert.True(state["NormScale.weight"].eq(1).all().item<bool>());
        Assert.True(state["NormShift.weight"].eq(0).all().item<bool>());
        Assert.DoesNotContain("Norm.weight", state.Keys); // the per-class scale replaces the layer's own

        var points = randn(3, 2);
        var (scores, classLogits) = gan.Discriminator.forward(points);
        Assert.Equal(new long[] { 3, 1 }, scores.shape);
        Assert.Equal(new long[] { 3, 4 }, classLogits.shape);
        var features = nn.functional.leaky_relu(gan.Discriminator.Hidden.forward(points), 0.2);
        var head = gan.Discriminator.state_dict();
        var expected = features.matmul(head["ClassHead.weight"].t()) + head["ClassHead.bias"];
        Assert.True(classLogits.allclose(expected, 1e-5, 1e-5));
    }

    [Fact]
    public void ConditionalGansTrainAndSampleByClass()
    {
        using var gan = new AuxiliaryPointsGan(seed: 6);
        using var scope = NewDisposeScope();
        var labels = tensor(new long[] { 0, 1, 2, 3, 0, 1, 2, 3 });
        var batch = new GanBatch(randn(8, 2), labels);
        for (int i = 0; i < 5; i++) gan.Step(batch);
        var metrics = gan.ReadMetrics();
        Assert.True(metrics.IsFinite, metrics.ToString());

        Assert.Equal(new long[] { 8, 2 }, gan.Sample(labels).shape);
        // SampleFixed shows one class per row of 8.
        Assert.Equal(new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 1 }, gan.FixedLabels!.narrow(0, 0, 9).data<long>().ToArray());
        Assert.Equal(32, gan.SampleFixed().size(0));
    }

    [Fact]
    public void BatchesWithoutLabelsOrWithWrongLabelsAreRejectedByName()
    {
        using var gan = new ConditionalPointsGan(seed: 7);
        using var scope = NewDisposeScope();
        var points = randn(4, 2);
        var missing = Assert.Throws<ArgumentException>(() => gan.Step(points));
        Assert.Contains("conditional ([GanData] declares 3 classes): give a label per sample", missing.Message);
        var floats = Assert.Throws<ArgumentException>(() => gan.Step(new GanBatch(points, zeros(4))));
        Assert.Contains("labels have dtype Float32; class indices must be int64", floats.Message);
        var short_ = Assert.Throws<ArgumentException>(() => gan.Step(new GanBatch(points, zeros(3, dtype: ScalarType.Int64))));
        Assert.Contains("labels have shape [3]; expected [4]", short_.Message);
        Assert.Throws<InvalidOperationException>(() => new PackedGan(seed: 1).Sample(zeros(2, dtype: ScalarType.Int64)));
    }
}
