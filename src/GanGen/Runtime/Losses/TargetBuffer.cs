using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Losses;

/// <summary>
/// A constant target tensor shaped like the scores it is compared with, kept while their shape, dtype and device
/// hold, so a BCE term is one fused native call per step instead of a fresh target (or five element-wise ops).
/// </summary>
internal sealed class TargetBuffer : IDisposable
{
    private readonly double _value;
    private Tensor? _target;

    public TargetBuffer(double value) => _value = value;

    public Tensor Like(Tensor scores)
    {
        if (_target is null || !Matches(_target, scores))
        {
            _target?.Dispose();
            _target = full_like(scores, _value, requires_grad: false).DetachFromDisposeScope();
        }
        return _target;
    }

    // Compared dimension by dimension: reading .shape would allocate an array every step.
    private static bool Matches(Tensor target, Tensor scores)
    {
        if (target.dim() != scores.dim() || target.dtype != scores.dtype || target.device_type != scores.device_type || target.device_index != scores.device_index)
            return false;
        for (int i = 0; i < target.dim(); i++)
        {
            if (target.size(i) != scores.size(i)) return false;
        }
        return true;
    }

    public void Dispose() => _target?.Dispose();
}
