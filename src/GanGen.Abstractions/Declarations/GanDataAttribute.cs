using System;

namespace GanGen;

/// <summary>The shape of one data sample (without the batch dimension), the range its values live in, and its labels.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GanDataAttribute : Attribute
{
    /// <summary>Declares a sample shape, e.g. <c>[GanData(2)]</c> for 2-D points or <c>[GanData(1, 28, 28)]</c> for images.</summary>
    public GanDataAttribute(params int[] shape) => Shape = shape;

    /// <summary>The sample shape, batch dimension excluded.</summary>
    public int[] Shape { get; }

    /// <summary>The range of the data values; the generator's output activation must produce it.</summary>
    public DataRange Range { get; set; } = DataRange.Unbounded;

    /// <summary>
    /// Number of classes the samples are labelled with (labels 0 … Classes − 1), for conditional GANs; each batch
    /// then carries a label per sample. Default 0: unlabelled data.
    /// </summary>
    [Accepts(0, 100000, Whole = true, Advice = "e.g. 10 for Fashion-MNIST")]
    public int Classes { get; set; }
}

/// <summary>Value range of data samples.</summary>
public enum DataRange
{
    /// <summary>Any real value (e.g. 2-D points); no output activation required.</summary>
    Unbounded = 0,
    /// <summary>[−1, 1]: the generator should end in Tanh.</summary>
    MinusOneToOne = 1,
    /// <summary>[0, 1]: the generator should end in Sigmoid.</summary>
    ZeroToOne = 2,
}
