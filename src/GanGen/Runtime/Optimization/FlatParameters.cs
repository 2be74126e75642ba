using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Optimization;

/// <summary>
/// Re-homes every parameter of a module, and its gradient, as a view into one contiguous buffer, so that an
/// optimizer update, a zero_grad or a weight clip is a handful of whole-buffer operations instead of several
/// operations (and managed wrappers) per parameter — the idea behind PyTorch's foreach/fused optimizers.
/// </summary>
/// <remarks>
/// Create it after the module has been moved to its device: moving a module later replaces its parameters and
/// breaks the views. Autograd accumulates into an existing <c>.grad</c> in place, so the gradient views stay
/// attached across steps.
/// </remarks>
public sealed class FlatParameters : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Scalar _zero = 0.0;

    /// <summary>Flattens the trainable parameters of <paramref name="module"/>.</summary>
    public FlatParameters(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var trainable = new List<Parameter>();
        foreach (var parameter in module.parameters())
        {
            if (parameter.requires_grad) trainable.Add(parameter);
        }
        if (trainable.Count == 0)
            throw new ArgumentException($"Module '{module.GetName()}' has no trainable parameters to optimize.", nameof(module));
        _parameters = trainable.ToArray();

        long total = 0;
        foreach (var parameter in _parameters) total += parameter.numel();
        var first = _parameters[0];
        Values = zeros(total, dtype: first.dtype, device: first.device);
        Gradients = zeros(total, dtype: first.dtype, device: first.device);

        long offset = 0;
        using (no_grad())
        {
            foreach (var parameter in _parameters)
            {
                long count = parameter.numel();
                var shape = parameter.shape;
                using var valueView = Values.narrow(0, offset, count).view(shape);
                valueView.copy_(parameter);
                parameter.set_(valueView);
                parameter.grad = Gradients.narrow(0, offset, count).view(shape);
                offset += count;
            }
        }
        Count = total;
    }

    /// <summary>All parameter values, concatenated in module order.</summary>
    public Tensor Values { get; }

    /// <summary>All gradients, concatenated in the same order; each parameter's <c>.grad</c> is a view of it.</summary>
    public Tensor Gradients { get; }

    /// <summary>Total number of scalar parameters.</summary>
    public long Count { get; }

    /// <summary>The flattened parameters, in module order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Zeroes every gradient with one fill (no allocation, unlike <c>zero_()</c>).</summary>
    public void ZeroGrad() => Gradients.fill_(_zero);

    /// <inheritdoc />
    public void Dispose()
    {
        Values.Dispose();
        Gradients.Dispose();
        _zero.Dispose();
    }
}
