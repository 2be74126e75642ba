using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Networks;

/// <summary>
/// Spectral normalisation (Miyato et al. 2018) of one layer's weight: W / σ(W), σ estimated by power iteration with
/// persistent vectors u and v, registered as buffers <c>weight_u</c> and <c>weight_v</c> of the layer (so they are in
/// its state dict and in checkpoints). In training mode each estimate runs one power-iteration step, as the paper's
/// Algorithm 1 does once per update; inside a pass the trainer opens (<see cref="BeginPass"/>) the normalised weight is
/// computed once and shared by every forward of that update — a penalty's extra forward included.
/// </summary>
public sealed class SpectralNorm : IDisposable
{
    private const string U = "weight_u", V = "weight_v";
    private readonly nn.Module _layer;
    private readonly bool _outputsAlongSecondDimension;
    private readonly Scalar _epsilon = 1e-12;
    private Tensor? _cached;
    private bool _inPass;

    /// <summary>Attaches to <paramref name="layer"/> whose weight is <paramref name="weight"/>; transposed convolutions keep outputs along dimension 1.</summary>
    public SpectralNorm(nn.Module layer, Tensor weight, bool outputsAlongSecondDimension = false)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(weight);
        _layer = layer;
        _outputsAlongSecondDimension = outputsAlongSecondDimension;
        long rows = weight.size(outputsAlongSecondDimension ? 1 : 0);
        long columns = weight.numel() / rows;
        using (no_grad())
        {
            var u = randn(rows, dtype: weight.dtype, device: weight.device);
            var v = randn(columns, dtype: weight.dtype, device: weight.device);
            u.div_(u.norm().add_(_epsilon));
            v.div_(v.norm().add_(_epsilon));
            layer.register_buffer(U, u);
            layer.register_buffer(V, v);
        }
    }

    /// <summary>Whether the layer's weight keeps its output channels along dimension 1 (transposed convolutions).</summary>
    public bool OutputsAlongSecondDimension => _outputsAlongSecondDimension;

    /// <summary>The persistent right singular vector estimate v (the <c>weight_v</c> buffer): what evaluation mode divides by ‖W v‖ with.</summary>
    public Tensor RightVector => Buffer(V);

    /// <summary>The current estimate of σ(W) from u and v (no iteration), for inspection and tests.</summary>
    public double Sigma(Tensor weight)
    {
        using var _ = no_grad();
        using var matrix = Matrix(weight);
        using var product = matrix.mv(Buffer(V));
        using var sigma = Buffer(U).dot(product);
        return sigma.item<float>();
    }

    /// <summary>W / σ(W), differentiable in W; in training mode the estimate first takes one power-iteration step.</summary>
    public Tensor Weight(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (_cached is not null) return _cached;
        var normalised = Compute(weight);
        if (_inPass) _cached = normalised;
        return normalised;
    }

    /// <summary>Starts an update: the next <see cref="Weight"/> is computed once and reused until <see cref="EndPass"/>.</summary>
    public void BeginPass() => _inPass = true;

    /// <summary>Ends an update: the weights may change, so the shared normalised weight is released.</summary>
    public void EndPass()
    {
        _inPass = false;
        _cached?.Dispose();
        _cached = null;
    }

    private Tensor Compute(Tensor weight)
    {
        // A dense layer's weight is the matrix itself; only a convolution's needs a flattened view (and disposing).
        var matrix = weight.dim() == 2 && !_outputsAlongSecondDimension ? weight : Matrix(weight);
        try
        {
            return Normalise(weight, matrix);
        }
        finally
        {
            if (!ReferenceEquals(matrix, weight)) matrix.Dispose();
        }
    }

    private Tensor Normalise(Tensor weight, Tensor matrix)
    {
        var u = Buffer(U);
        var v = Buffer(V);
        if (_layer.training)
        {
            // v ← Wᵀu / ‖Wᵀu‖, then u ← Wv / ‖Wv‖ below: one power-iteration step, without gradients.
            using var _ = no_grad();
            using var transposed = u.matmul(matrix);
            using var norm = transposed.norm();
            v.copy_(transposed).div_(norm.add_(_epsilon));
        }
        // σ = uᵀWv with the updated vectors; u = Wv/‖Wv‖ makes it ‖Wv‖, differentiable in W.
        using var product = matrix.mv(v);
        using var sigma = product.norm();
        if (_layer.training)
        {
            using var _ = no_grad();
            u.copy_(product).div_(sigma);
        }
        return weight.div(sigma);
    }

    private Tensor Matrix(Tensor weight)
    {
        if (!_outputsAlongSecondDimension) return weight.dim() == 2 ? weight.alias() : weight.flatten(1);
        using var swapped = weight.transpose(0, 1);
        return swapped.flatten(1);
    }

    private Tensor Buffer(string name) => _layer.get_buffer(name) ?? throw new InvalidOperationException($"The layer lost its spectral-norm buffer '{name}'.");

    /// <inheritdoc />
    public void Dispose()
    {
        _cached?.Dispose();
        _epsilon.Dispose();
    }
}
