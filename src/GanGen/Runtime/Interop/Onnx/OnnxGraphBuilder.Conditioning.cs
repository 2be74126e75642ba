using System;
using System.Linq;
using Modules = TorchSharp.Modules;

namespace GanGen.Runtime.Interop.Onnx;

// Class conditioning as generated networks compute it (GanGen.Runtime.Networks.Conditions and Forward.ClassBatchNorm):
// a label joined to the input, per-class batch-norm scale and shift, the projection term and AC-GAN's class head.
public sealed partial class OnnxGraphBuilder
{
    /// <summary>
    /// Joins a label vector [N, <paramref name="labelWidth"/>] to <paramref name="input"/>: as more features of a flat
    /// [N, F] input, or as constant channels of an image [N, C, H, W] (the label broadcast over H×W by a product with
    /// ones, exact in float32), as <c>Conditions.Join</c> does.
    /// </summary>
    /// <param name="input">The network's input.</param>
    /// <param name="label">The label's one-hot code or embedding.</param>
    /// <param name="labelWidth">The label vector's length.</param>
    /// <param name="inputShape">The input's shape with its batch dimension first, e.g. [-1, 1, 28, 28].</param>
    public OnnxValue JoinLabel(OnnxValue input, OnnxValue label, long labelWidth, long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length == 2) return Concat(1, input, label);
        if (inputShape.Length != 4)
            throw new ArgumentException($"A label joins a flat [N, F] or image [N, C, H, W] input, not rank {inputShape.Length}.", nameof(inputShape));
        string node = ReserveNodeName(null, "JoinLabel");
        var column = Reshape(label, new[] { labelWidth, 1L, 1L });
        long height = inputShape[2], width = inputShape[3];
        var ones = AddInitializer(OnnxTensorData.Float(ReserveValueName($"{node}.ones"), new[] { 1L, labelWidth, height, width },
            Enumerable.Repeat(1f, checked((int)(labelWidth * height * width))).ToArray()));
        var planes = Emit("Mul", node, NoAttributes, column, ones);
        return Concat(1, input, planes);
    }

    /// <summary>
    /// Conditional batch normalisation (de Vries et al. 2017) in inference: <paramref name="norm"/>'s running
    /// statistics without its own affine parameters, then each sample scaled and shifted by its label's rows of
    /// <paramref name="scale"/> and <paramref name="shift"/> (initializers <c>{name}Scale.weight</c>, <c>{name}Shift.weight</c>).
    /// </summary>
    /// <param name="x">[N, C, …] input.</param>
    /// <param name="norm">The batch norm (affine = false).</param>
    /// <param name="scale">Per-class scales [classes, C].</param>
    /// <param name="shift">Per-class shifts [classes, C].</param>
    /// <param name="labels">int64 labels [N].</param>
    /// <param name="sampleRank">Rank of one sample: 1 for [C], 2 for [C, L], 3 for [C, H, W].</param>
    /// <param name="name">The layer's name.</param>
    public OnnxValue ClassBatchNorm(OnnxValue x, Modules.BatchNorm norm, Modules.Embedding scale, Modules.Embedding shift, OnnxValue labels, int sampleRank, string name)
    {
        ArgumentNullException.ThrowIfNull(norm);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (sampleRank < 1) throw new ArgumentOutOfRangeException(nameof(sampleRank), sampleRank, "A sample has at least one dimension.");
        var normalised = BatchNorm(x, norm, name);
        var gamma = Broadcastable(Embedding(labels, scale, name + "Scale"), norm.num_features, sampleRank);
        var beta = Broadcastable(Embedding(labels, shift, name + "Shift"), norm.num_features, sampleRank);
        return Add(Mul(normalised, gamma), beta);
    }

    /// <summary>
    /// The projection discriminator's score (Miyato &amp; Koyama 2018): <paramref name="score"/> [N, 1] plus
    /// ⟨V_y, flatten(features)⟩, with V the weight of <paramref name="projection"/> (initializer <c>{name}.weight</c>).
    /// </summary>
    public OnnxValue AddProjection(OnnxValue score, OnnxValue features, Modules.Embedding projection, OnnxValue labels, string name)
    {
        var rows = Embedding(labels, projection, name);
        var product = Mul(rows, Flatten(features));
        return Add(score, ReduceSum(product, new[] { 1L }));
    }

    /// <summary>AC-GAN's class logits: <paramref name="head"/> on the flattened <paramref name="features"/>.</summary>
    public OnnxValue Classify(OnnxValue features, Modules.Linear head, string name) => Linear(Flatten(features), head, name);

    /// <summary>The sum over <paramref name="axes"/>, kept as size 1 when <paramref name="keepDims"/> (opset 13+: the axes are an input).</summary>
    public OnnxValue ReduceSum(OnnxValue x, long[] axes, bool keepDims = true, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length == 0) throw new ArgumentException("Name at least one axis; ReduceSum with no axes would reduce everything.", nameof(axes));
        string node = ReserveNodeName(name, "ReduceSum");
        return Emit("ReduceSum", node, new[] { OnnxAttribute.Int("keepdims", keepDims ? 1 : 0) }, x, Int64Constant(node, "axes", axes));
    }

    /// <summary>A per-sample vector [N, C] shaped [N, C, 1, …] to broadcast over samples of rank <paramref name="sampleRank"/>.</summary>
    private OnnxValue Broadcastable(OnnxValue vector, long channels, int sampleRank) =>
        sampleRank == 1 ? vector : Reshape(vector, new[] { channels }.Concat(Enumerable.Repeat(1L, sampleRank - 1)).ToArray());
}
