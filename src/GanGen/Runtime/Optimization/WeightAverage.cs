using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Optimization;

/// <summary>
/// An exponential moving average of a network's flat parameters: one whole-buffer update per optimizer step, and
/// a swap in and out for sampling (three buffer copies) instead of a second copy of the module.
/// </summary>
public sealed class WeightAverage : IDisposable
{
    private readonly FlatParameters _parameters;
    private readonly Tensor _average;
    private readonly Tensor _stash;
    private readonly Scalar _decay;
    private readonly Scalar _share;

    /// <summary>Starts the average at the current weights.</summary>
    public WeightAverage(FlatParameters parameters, double decay)
    {
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        if (!(decay > 0 && decay < 1)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "The averaging decay must lie in (0, 1).");
        Decay = decay;
        using (no_grad())
        {
            _average = parameters.Values.detach().clone();
        }
        _stash = zeros_like(_average);
        _decay = decay;
        _share = 1 - decay;
    }

    /// <summary>Weight of the old average in each update.</summary>
    public double Decay { get; }

    /// <summary>The averaged weights, in the flat layout.</summary>
    public Tensor Values => _average;

    /// <summary>average ← decay·average + (1 − decay)·weights.</summary>
    public void Update()
    {
        _average.mul_(_decay).add_(_parameters.Values, _share);
    }

    /// <summary>Loads the averaged weights into the network until the returned scope is disposed.</summary>
    public SwapScope Apply()
    {
        using (no_grad())
        {
            _stash.copy_(_parameters.Values);
            _parameters.Values.copy_(_average);
        }
        return new SwapScope(this);
    }

    private void Restore()
    {
        using var _ = no_grad();
        _parameters.Values.copy_(_stash);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _average.Dispose();
        _stash.Dispose();
        _decay.Dispose();
        _share.Dispose();
    }

    /// <summary>Restores the raw weights when disposed.</summary>
    public readonly struct SwapScope : IDisposable
    {
        private readonly WeightAverage? _owner;

        internal SwapScope(WeightAverage owner) => _owner = owner;

        /// <inheritdoc />
        public void Dispose() => _owner?.Restore();
    }
}
