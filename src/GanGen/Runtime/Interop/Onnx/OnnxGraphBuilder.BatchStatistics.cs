using System;
using System.Linq;
using GanGen.Runtime.Networks;

namespace GanGen.Runtime.Interop.Onnx;

// Layers that couple the samples of a batch (GanGen.Runtime.Networks.BatchStatistics and MinibatchDiscrimination),
// written with plain ONNX operators over the batch dimension, so an exported discriminator keeps them.
public sealed partial class OnnxGraphBuilder
{
    /// <summary>
    /// Minibatch standard deviation (Karras et al. 2018) as <c>BatchStatistics.MinibatchStdDev</c> computes it: the
    /// batch [N, …] viewed as [group, N / group, features], the population standard deviation over the group axis,
    /// averaged over the features, tiled back to every sample (sample i gets group i mod N / group) and appended as one
    /// more feature, or as one more constant channel of an image. N must be a multiple of <paramref name="group"/>;
    /// ONNX Runtime rejects the reshape otherwise.
    /// </summary>
    /// <param name="x">[N, F] features or [N, C, H, W] images.</param>
    /// <param name="group">Samples per group.</param>
    /// <param name="sampleShape">The shape of one sample: [F] or [C, H, W].</param>
    /// <param name="name">The layer's node name; generated when null.</param>
    public OnnxValue MinibatchStdDev(OnnxValue x, long group, long[] sampleShape, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(sampleShape);
        if (group < 1) throw new ArgumentOutOfRangeException(nameof(group), group, "A group holds at least one sample.");
        if (sampleShape.Length is not (1 or 3))
            throw new ArgumentException($"Minibatch standard deviation takes [F] or [C, H, W] samples, not rank {sampleShape.Length}.", nameof(sampleShape));
        string node = ReserveNodeName(name, "MinibatchStdDev");
        long features = sampleShape.Aggregate(1L, (product, size) => product * size);
        var grouped = ReshapeTo(x, new[] { group, -1L, features }, $"{node}/group");
        // Population variance in two passes: the mean over the group, then the mean squared deviation from it.
        var mean = ReduceMean(grouped, new[] { 0L }, keepDims: true, $"{node}/mean");
        var centred = Emit("Sub", ReserveNodeName($"{node}/centre", "Sub"), NoAttributes, grouped, mean);
        var squares = Mul(centred, centred, $"{node}/square");
        var variance = ReduceMean(squares, new[] { 0L }, keepDims: false, $"{node}/variance");
        var deviation = Emit("Sqrt", ReserveNodeName($"{node}/deviation", "Sqrt"), NoAttributes, variance);
        var averaged = ReduceMean(deviation, new[] { 1L }, keepDims: false, $"{node}/average");
        var perSample = Emit("Tile", ReserveNodeName($"{node}/tile", "Tile"), NoAttributes, averaged, Int64Constant(node, "repeats", group));
        OnnxValue column;
        if (sampleShape.Length == 1)
        {
            column = ReshapeTo(perSample, new[] { -1L, 1L }, $"{node}/column");
        }
        else
        {
            // [N, 1, 1, 1] times ones [1, 1, H, W]: the statistic as a constant plane, exact in float32.
            var scalars = ReshapeTo(perSample, new[] { -1L, 1L, 1L, 1L }, $"{node}/column");
            long height = sampleShape[1], width = sampleShape[2];
            var ones = AddInitializer(OnnxTensorData.Float(ReserveValueName($"{node}.ones"), new[] { 1L, 1L, height, width },
                Enumerable.Repeat(1f, checked((int)(height * width))).ToArray()));
            column = Mul(scalars, ones, $"{node}/plane");
        }
        return Emit("Concat", node, new[] { OnnxAttribute.Int("axis", 1) }, x, column);
    }

    /// <summary>
    /// Minibatch discrimination (Salimans et al. 2016) as <see cref="MinibatchDiscrimination"/> computes it: rows
    /// M = x·T shaped [N, B, C], for every pair of samples the L1 distance of each kernel's rows, the similarities
    /// exp(−distance) summed over the batch minus the sample's own 1, appended to x: [N, A] → [N, A + B]. T is the
    /// initializer <c>{name}.weight</c>.
    /// </summary>
    public OnnxValue MinibatchDiscrimination(OnnxValue x, MinibatchDiscrimination layer, string name)
    {
        ArgumentNullException.ThrowIfNull(layer);
        string node = ReserveNodeName(name, "MinibatchDiscrimination");
        var weight = Parameter(layer.weight, node, "weight");
        var projected = Emit("MatMul", ReserveNodeName($"{node}/project", "MatMul"), NoAttributes, x, weight);
        var rows = ReshapeTo(projected, new[] { -1L, layer.Kernels, layer.KernelSize }, $"{node}/rows");
        var left = Unsqueeze(rows, 0, $"{node}/left");
        var right = Unsqueeze(rows, 1, $"{node}/right");
        // [1, N, B, C] − [N, 1, B, C]: entry [i, j] is M_j − M_i, as rows.unsqueeze(0) − rows.unsqueeze(1).
        var difference = Emit("Sub", ReserveNodeName($"{node}/difference", "Sub"), NoAttributes, left, right);
        var absolute = Emit("Abs", ReserveNodeName($"{node}/abs", "Abs"), NoAttributes, difference);
        var distance = ReduceSum(absolute, new[] { 3L }, keepDims: false, $"{node}/distance");
        var negated = Emit("Neg", ReserveNodeName($"{node}/neg", "Neg"), NoAttributes, distance);
        var similarity = Emit("Exp", ReserveNodeName($"{node}/similarity", "Exp"), NoAttributes, negated);
        var summed = ReduceSum(similarity, new[] { 0L }, keepDims: false, $"{node}/sum");
        // The sum includes each sample's similarity to itself, exp(0) = 1.
        var closeness = Emit("Sub", ReserveNodeName($"{node}/others", "Sub"), NoAttributes, summed, FloatScalar(1f));
        return Emit("Concat", node, new[] { OnnxAttribute.Int("axis", 1) }, x, closeness);
    }

    /// <summary>Inserts a size-1 dimension at <paramref name="axis"/> (opset 13+: the axes are an input).</summary>
    private OnnxValue Unsqueeze(OnnxValue x, long axis, string name)
    {
        string node = ReserveNodeName(name, "Unsqueeze");
        return Emit("Unsqueeze", node, NoAttributes, x, Int64Constant(node, "axes", axis));
    }
}
