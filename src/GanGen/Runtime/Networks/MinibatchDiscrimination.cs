using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Networks;

/// <summary>
/// Minibatch discrimination (Salimans et al. 2016, §3.2): a learned tensor T (A × B·C) maps each sample's features
/// f ∈ ℝᴬ to B rows Mᵢ ∈ ℝᶜ; kernel b's output for sample i is Σⱼ≠ᵢ exp(−‖Mᵢ,b − Mⱼ,b‖₁), appended to f:
/// [N, A] → [N, A + B]. Samples that look alike score high, so a collapsed generator is easy to spot.
/// </summary>
public sealed class MinibatchDiscrimination : OwnParameters
{
    private Parameter _weight;
    private readonly long[] _rows;
    private readonly Scalar _one = 1.0;

    /// <summary>Creates the layer for <paramref name="features"/> inputs with <paramref name="kernels"/> kernels of size <paramref name="kernelSize"/>.</summary>
    public MinibatchDiscrimination(long features, long kernels, long kernelSize) : base(nameof(MinibatchDiscrimination))
    {
        Features = features;
        Kernels = kernels;
        KernelSize = kernelSize;
        _rows = new long[] { -1, kernels, kernelSize };
        // N(0, 1) scaled by 1/√A so initial similarities are neither all 1 nor all 0.
        _weight = nn.Parameter(randn(features, kernels * kernelSize).div_(Math.Sqrt(features)));
        register_parameter("weight", _weight);
    }

    /// <summary>Input features A.</summary>
    public long Features { get; }

    /// <summary>Kernels B.</summary>
    public long Kernels { get; }

    /// <summary>Rows per kernel C.</summary>
    public long KernelSize { get; }

    /// <summary>T, A × B·C (settable, so Module.to can replace it: see <see cref="OwnParameters"/>).</summary>
    public Parameter weight
    {
        get => _weight;
        set => Replace(ref _weight, value, nameof(weight));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var projected = input.matmul(_weight);
        using var rows = projected.reshape(_rows);
        // Broadcast differences [N, N, B, C] rather than cdist: cdist has no second derivative, which R1, DRAGAN and
        // the gradient penalty need through this layer, and is no faster here.
        using var left = rows.unsqueeze(0);
        using var right = rows.unsqueeze(1);
        using var difference = left.sub(right);
        using var distance = difference.abs_().sum(dim: 3);
        using var similarity = distance.neg_().exp_();
        // Σⱼ includes j = i, whose similarity is exp(0) = 1.
        using var closeness = similarity.sum(dim: 0).sub_(_one);
        return cat([input, closeness], 1);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _one.Dispose();
        base.Dispose(disposing);
    }
}
