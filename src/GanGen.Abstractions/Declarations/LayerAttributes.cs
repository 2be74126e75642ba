using System;

namespace GanGen;

/// <summary>
/// A layer with parameters or state. Exactly one goes on each <c>partial</c> layer property; the property's name
/// names the module (<c>Hidden1.weight</c>) and its type is the TorchSharp module type the layer creates.
/// </summary>
public abstract class LayerAttribute : Attribute
{
}

/// <summary>A fully connected layer (<c>TorchSharp.Modules.Linear</c>); input features are inferred.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DenseAttribute : LayerAttribute
{
    /// <summary>Declares a dense layer with <paramref name="units"/> output features.</summary>
    public DenseAttribute(int units) => Units = units;

    /// <summary>Output features.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Units { get; }

    /// <summary>Whether the layer adds a bias. Set false before a normalisation layer, which cancels it.</summary>
    public bool Bias { get; set; } = true;
}

/// <summary>Batch normalisation over features of a [N, C] input (<c>TorchSharp.Modules.BatchNorm1d</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class BatchNorm1dAttribute : LayerAttribute
{
    /// <summary>Denominator epsilon; default 1e-5.</summary>
    [Accepts(0, ExcludeMinimum = true)]
    public double Epsilon { get; set; } = 1e-5;

    /// <summary>Running-statistics momentum; default 0.1.</summary>
    [Accepts(0, 1)]
    public double Momentum { get; set; } = 0.1;
}

/// <summary>Layer normalisation over the last dimension (<c>TorchSharp.Modules.LayerNorm</c>); safe in WGAN-GP critics.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class LayerNormAttribute : LayerAttribute
{
    /// <summary>Denominator epsilon; default 1e-5.</summary>
    [Accepts(0, ExcludeMinimum = true)]
    public double Epsilon { get; set; } = 1e-5;
}

/// <summary>
/// Minibatch discrimination (Salimans et al. 2016) on flat features [A]: a learned tensor T maps each sample to
/// <see cref="Kernels"/> rows of <see cref="KernelSize"/>, and each kernel's similarity to the rest of the batch,
/// Σⱼ exp(−‖M_i − M_j‖₁), is appended: [A] → [A + Kernels]. Property type: <c>GanGen.Runtime.Networks.MinibatchDiscrimination</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MinibatchDiscriminationAttribute : LayerAttribute
{
    /// <summary>Declares <paramref name="kernels"/> similarity kernels of size <paramref name="kernelSize"/>.</summary>
    public MinibatchDiscriminationAttribute(int kernels, int kernelSize = 5)
    {
        Kernels = kernels;
        KernelSize = kernelSize;
    }

    /// <summary>Similarity kernels (B); each adds one output feature.</summary>
    [Accepts(1, 10000, Whole = true, Advice = "Salimans et al. use 100")]
    public int Kernels { get; }

    /// <summary>Rows per kernel (C).</summary>
    [Accepts(1, 1000, Whole = true, Advice = "Salimans et al. use 5")]
    public int KernelSize { get; }
}
