using System;
using System.Linq;

namespace GanGen.Runtime.Interop.Onnx;

// Shape and resampling operations: Reshape, Flatten, Concat, Upsample and 2-D pooling.
public sealed partial class OnnxGraphBuilder
{
    /// <summary>
    /// Reshapes each sample to <paramref name="perSampleShape"/> keeping the batch dimension: the shape constant is
    /// [0, …], where 0 copies the input's batch size, so one −1 remains available inside the per-sample shape.
    /// </summary>
    public OnnxValue Reshape(OnnxValue x, long[] perSampleShape, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(perSampleShape);
        if (perSampleShape.Any(size => size == 0 || size < -1) || perSampleShape.Count(size => size == -1) > 1)
            throw new ArgumentException($"A per-sample shape needs positive sizes and at most one −1, not [{string.Join(", ", perSampleShape)}].", nameof(perSampleShape));
        string node = ReserveNodeName(name, "Reshape");
        var shape = Int64Constant(node, "shape", perSampleShape.Prepend(0L).ToArray());
        return Emit("Reshape", node, NoAttributes, x, shape);
    }

    /// <summary>
    /// Flattens each sample to one dimension, [N, …] → [N, prod(…)]: <c>Flatten(axis=1)</c>, PyTorch's
    /// <c>nn.Flatten()</c>. Other axes are not offered because ONNX's Flatten always yields rank 2, unlike PyTorch's.
    /// </summary>
    public OnnxValue Flatten(OnnxValue x, string? name = null) =>
        Emit("Flatten", ReserveNodeName(name, "Flatten"), new[] { OnnxAttribute.Int("axis", 1) }, x);

    /// <summary>Joins values along <paramref name="axis"/> (1 for channels or features).</summary>
    public OnnxValue Concat(int axis, params OnnxValue[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0) throw new ArgumentException("Concat needs at least one input.", nameof(inputs));
        var optional = inputs.Select(input => (OnnxValue?)input).ToArray();
        return Emit("Concat", ReserveNodeName(null, "Concat"), new[] { OnnxAttribute.Int("axis", axis) }, optional);
    }

    /// <summary>
    /// Upsamples [N, C, H, W] by an integer <paramref name="scale"/> with <c>Resize</c>, matching PyTorch:
    /// nearest = coordinate mode "asymmetric" with "floor" rounding (src = ⌊dst/scale⌋); bilinear with
    /// align_corners=false = "half_pixel" linear interpolation.
    /// </summary>
    public OnnxValue Upsample(OnnxValue x, int scale = 2, UpsampleMode mode = UpsampleMode.Nearest, string? name = null)
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale factor must be at least 1.");
        var attributes = mode switch
        {
            UpsampleMode.Nearest => new[]
            {
                OnnxAttribute.String("mode", "nearest"),
                OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"),
                OnnxAttribute.String("nearest_mode", "floor"),
            },
            UpsampleMode.Bilinear => new[]
            {
                OnnxAttribute.String("mode", "linear"),
                OnnxAttribute.String("coordinate_transformation_mode", "half_pixel"),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown upsampling mode."),
        };
        string node = ReserveNodeName(name, "Resize");
        var scales = FloatConstant(node, "scales", 1f, 1f, scale, scale);
        // Resize(X, roi, scales): roi only matters for "tf_crop_and_resize", so it is omitted.
        return Emit("Resize", node, attributes, x, null, scales);
    }

    /// <summary>
    /// 2-D average pooling with a square window; stride 0 means the kernel size (PyTorch's default). Padding counts
    /// toward the average (<c>count_include_pad=1</c>), as PyTorch's default <c>count_include_pad=True</c> does.
    /// </summary>
    public OnnxValue AvgPool2d(OnnxValue x, int kernel, int stride = 0, int padding = 0, string? name = null) =>
        Emit("AveragePool", ReserveNodeName(name, "AveragePool"), PoolAttributes(kernel, stride, padding, OnnxAttribute.Int("count_include_pad", 1)), x);

    /// <summary>2-D max pooling with a square window; stride 0 means the kernel size. Padding never wins the max.</summary>
    public OnnxValue MaxPool2d(OnnxValue x, int kernel, int stride = 0, int padding = 0, string? name = null) =>
        Emit("MaxPool", ReserveNodeName(name, "MaxPool"), PoolAttributes(kernel, stride, padding), x);

    private static OnnxAttribute[] PoolAttributes(int kernel, int stride, int padding, params OnnxAttribute[] extra)
    {
        if (kernel < 1) throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "The pooling window must be at least 1.");
        long step = stride == 0 ? kernel : stride;
        return new[]
        {
            OnnxAttribute.Ints("kernel_shape", kernel, kernel),
            OnnxAttribute.Ints("strides", step, step),
            OnnxAttribute.Ints("pads", padding, padding, padding, padding),
        }.Concat(extra).ToArray();
    }
}
