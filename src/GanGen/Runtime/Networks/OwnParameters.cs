using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Networks;

/// <summary>
/// A GanGen module with parameters of its own (beside child modules). Module.to (another device or dtype) hands each
/// converted parameter to the public property of the parameter's name and nothing else, so that property's setter must
/// re-register it, or parameters() would keep the old tensor; <see cref="Replace"/> is that setter.
/// </summary>
public abstract class OwnParameters : nn.Module<Tensor, Tensor>
{
    /// <summary>Names the module.</summary>
    protected OwnParameters(string name) : base(name)
    {
    }

    /// <summary>Swaps <paramref name="field"/> for <paramref name="value"/> (disposing the old one) and registers it as <paramref name="name"/>.</summary>
    protected void Replace(ref Parameter field, Parameter value, string name)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (ReferenceEquals(value, field)) return;
        field.Dispose();
        field = value;
        ConditionallyRegisterParameter(name, value);
    }
}
