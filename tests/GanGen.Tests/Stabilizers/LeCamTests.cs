using System;
using System.Collections.Generic;
using System.Linq;
using GanGen.Runtime;
using GanGen.Runtime.Regularization;
using static TorchSharp.torch;

namespace GanGen.Tests.Stabilizers;

/// <summary>LeCam regularisation against its formula written out in doubles, its moving averages, gradients and state.</summary>
public sealed class LeCamTests
{
    private static readonly float[] Real1 = { 2.0f, -1.0f, 0.5f, 3.0f }, Fake1 = { -2.0f, 1.5f, 0.0f, -0.5f };
    private static readonly float[] Real2 = { 0.1f, 0.2f, -0.3f, 4.0f }, Fake2 = { 1.0f, -3.0f, 2.0f, 0.25f };

    [Fact]
    public void Value_follows_the_formula_with_averages_started_from_the_first_batch()
    {
        using var penalty = new LeCamPenalty(0.5, decay: 0.9);
        double averageReal = Real1.Average(), averageFake = Fake1.Average();
        Assert.Equal(Expected(0.5, Real1, Fake1, averageReal, averageFake), Value(penalty, Real1, Fake1), 5);

        averageReal += 0.1 * (Real2.Average() - averageReal);
        averageFake += 0.1 * (Fake2.Average() - averageFake);
        Assert.Equal(Expected(0.5, Real2, Fake2, averageReal, averageFake), Value(penalty, Real2, Fake2), 5);
        Assert.Equal(new[] { averageReal, averageFake }, penalty.Averages!.data<float>().ToArray().Select(v => (double)v), new Tolerance(1e-6));
    }

    [Fact]
    public void Only_real_scores_above_the_fake_average_and_fake_scores_below_the_real_average_get_gradients()
    {
        using var penalty = new LeCamPenalty(1.0);
        using var real = tensor(Real1).requires_grad_(true);
        using var fake = tensor(Fake1).requires_grad_(true);
        using var value = penalty.Compute(real, fake);
        value.backward();
        double averageReal = Real1.Average(), averageFake = Fake1.Average();
        for (int i = 0; i < Real1.Length; i++)
        {
            Assert.Equal(2 * Math.Max(0, Real1[i] - averageFake) / Real1.Length, real.grad!.data<float>()[i], 5);
            Assert.Equal(-2 * Math.Max(0, averageReal - Fake1[i]) / Fake1.Length, fake.grad!.data<float>()[i], 5);
        }
    }

    [Fact]
    public void Restored_averages_continue_as_if_never_interrupted_and_bad_arguments_are_named()
    {
        using var running = new LeCamPenalty(0.3, decay: 0.5);
        Value(running, Real1, Fake1);
        using var restored = new LeCamPenalty(0.3, decay: 0.5);
        restored.Restore(running.StateTensors().ToDictionary(entry => entry.Name, entry => entry.State), CPU);
        Assert.Equal(Value(running, Real2, Fake2), Value(restored, Real2, Fake2));

        using var wrong = tensor(new float[] { 1, 2, 3 });
        Assert.Contains("hold 3 values", Assert.Throws<System.IO.InvalidDataException>(
            () => restored.Restore(new Dictionary<string, Tensor> { ["averages"] = wrong }, CPU)).Message);
        Assert.Equal("weight: is 0; λ must be a finite number greater than 0", Assert.Throws<GanInputException>(() => new LeCamPenalty(0)).Message);
        Assert.Contains("decay: is 1", Assert.Throws<GanInputException>(() => new LeCamPenalty(1, decay: 1)).Message);
    }

    private static double Value(LeCamPenalty penalty, float[] real, float[] fake)
    {
        using var realScores = tensor(real);
        using var fakeScores = tensor(fake);
        using var value = penalty.Compute(realScores, fakeScores);
        return value.item<float>();
    }

    private static double Expected(double weight, float[] real, float[] fake, double averageReal, double averageFake) =>
        weight * (real.Average(r => Math.Pow(Math.Max(0, r - averageFake), 2)) + fake.Average(f => Math.Pow(Math.Max(0, averageReal - f), 2)));

    private sealed class Tolerance : IEqualityComparer<double>
    {
        private readonly double _tolerance;
        public Tolerance(double tolerance) => _tolerance = tolerance;
        public bool Equals(double x, double y) => Math.Abs(x - y) <= _tolerance;
        public int GetHashCode(double value) => 0;
    }
}
