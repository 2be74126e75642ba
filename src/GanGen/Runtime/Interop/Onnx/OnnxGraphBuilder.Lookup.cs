using System;
using static TorchSharp.torch;
using Modules = TorchSharp.Modules;

namespace GanGen.Runtime.Interop.Onnx;

// Label lookups for conditional GANs: embeddings and one-hot codes, both as Gather over a matrix initializer, whose
// labels fail when outside the table (OnnxGraphBuilder.LabelRange.cs) rather than wrap around.
public sealed partial class OnnxGraphBuilder
{
    /// <summary><c>nn.Embedding</c>: <c>Gather(weight, labels, axis=0)</c> turns int64 labels [N] into rows [N, dim].</summary>
    public OnnxValue Embedding(OnnxValue labels, Modules.Embedding embedding, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        return Embedding(labels, embedding.weight!, name);
    }

    /// <summary><c>Gather(weight, labels, axis=0)</c> from a [classes, dim] weight.</summary>
    public OnnxValue Embedding(OnnxValue labels, Tensor weight, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        RequireRank(weight, 2, "Embedding weight");
        string node = ReserveNodeName(name, "Gather");
        var table = Parameter(weight, node, "weight");
        return Emit("Gather", node, new[] { OnnxAttribute.Int("axis", 0) }, table, OutOfRangeLabelsFail(labels, weight.size(0)));
    }

    /// <summary>
    /// One-hot float codes [N, classes] from int64 labels [N], as <c>Gather</c> of rows of a classes×classes
    /// identity initializer: the same float32 result as <c>one_hot(labels).to(float32)</c>, with no type casts.
    /// </summary>
    public OnnxValue OneHot(OnnxValue labels, int classes, string? name = null)
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "A one-hot code needs at least one class.");
        string node = ReserveNodeName(name, "Gather");
        var identity = new float[checked(classes * classes)];
        for (int i = 0; i < classes; i++) identity[i * classes + i] = 1f;
        var table = AddInitializer(OnnxTensorData.Float(ReserveValueName($"{node}.identity"), new long[] { classes, classes }, identity));
        return Emit("Gather", node, new[] { OnnxAttribute.Int("axis", 0) }, table, OutOfRangeLabelsFail(labels, classes));
    }
}
