using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// LeCam regularisation (Tseng et al. 2021): λ · (E[ReLU(D(x) − α_F)²] + E[ReLU(α_R − D(G(z)))²]) with α_R, α_F moving
/// averages of the discriminator's mean real and fake scores, updated (without a graph, on the device: no sync) before
/// each use and started from the first batch's means rather than from zero. The averages are checkpointed.
/// </summary>
public sealed class LeCamPenalty : IStatefulRegularizer, IDisposable
{
    private readonly Scalar _weight, _decay, _rate;
    private Tensor? _averages;

    /// <summary>Creates the regulariser with weight <paramref name="weight"/> and moving-average decay <paramref name="decay"/>.</summary>
    public LeCamPenalty(double weight, double decay = 0.99)
    {
        if (!(weight > 0) || double.IsInfinity(weight)) throw new GanInputException(nameof(weight), $"is {weight}; λ must be a finite number greater than 0");
        if (!(decay >= 0 && decay < 1)) throw new GanInputException(nameof(decay), $"is {decay}; a moving average's decay lies in [0, 1)");
        Weight = weight;
        Decay = decay;
        _weight = weight;
        _decay = decay;
        _rate = 1.0 - decay;
    }

    /// <summary>λ.</summary>
    public double Weight { get; }

    /// <summary>The moving averages' decay per call.</summary>
    public double Decay { get; }

    /// <inheritdoc />
    public string StateName => "le_cam";

    /// <summary>The moving averages [α_R, α_F], or null before the first call.</summary>
    public Tensor? Averages => _averages;

    /// <summary>The regulariser on this update's raw scores (a new tensor with their graph).</summary>
    public Tensor Compute(Tensor realScores, Tensor fakeScores)
    {
        ArgumentNullException.ThrowIfNull(realScores);
        ArgumentNullException.ThrowIfNull(fakeScores);
        using (no_grad())
        {
            using var realMean = realScores.mean();
            using var fakeMean = fakeScores.mean();
            using var means = stack(new[] { realMean, fakeMean });
            if (_averages is null) _averages = means.clone().DetachFromDisposeScope();
            else _averages.mul_(_decay).add_(means, _rate);
        }
        using var averageReal = _averages[0];
        using var averageFake = _averages[1];
        using var realAbove = realScores.sub(averageFake);
        using var realPositive = realAbove.relu();
        using var realGap = realPositive.square();
        using var realTerm = realGap.mean();
        using var fakeBelow = averageReal.sub(fakeScores);
        using var fakePositive = fakeBelow.relu();
        using var fakeGap = fakePositive.square();
        using var fakeTerm = fakeGap.mean();
        using var both = realTerm.add(fakeTerm);
        return both.mul(_weight);
    }

    /// <inheritdoc />
    public IEnumerable<(string Name, Tensor State)> StateTensors()
    {
        if (_averages is not null) yield return ("averages", _averages);
    }

    /// <inheritdoc />
    public void Restore(IReadOnlyDictionary<string, Tensor> state, Device device)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue("averages", out var averages)) return;
        if (averages.numel() != 2)
            throw new System.IO.InvalidDataException($"The checkpoint's LeCam averages hold {averages.numel()} values, but the regulariser keeps 2 (real, fake).");
        _averages?.Dispose();
        _averages = averages.to(device).clone().DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _averages?.Dispose();
        _weight.Dispose();
        _decay.Dispose();
        _rate.Dispose();
    }
}
