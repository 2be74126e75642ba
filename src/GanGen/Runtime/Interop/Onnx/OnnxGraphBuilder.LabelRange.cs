using System;
using System.Collections.Generic;

namespace GanGen.Runtime.Interop.Onnx;

// ONNX's Gather reads a negative index from the end (label −1 would silently be the last class) and fails on one past
// the end. Mapping every negative label to `classes` first leaves Gather only the failure: an exported graph run with
// any label outside 0…classes−1 is an ONNX Runtime error, never a sample of another class. Two nodes per label input
// and class count (Less, Where), shared by every lookup of that input; a server still checks labels itself, to answer
// with the range instead of ONNX Runtime's message.
public sealed partial class OnnxGraphBuilder
{
    private readonly Dictionary<(int Labels, long Classes), OnnxValue> _rangeCheckedLabels = new();

    /// <summary><paramref name="labels"/> with every negative label replaced by <paramref name="classes"/>, out of any lookup table's range.</summary>
    private OnnxValue OutOfRangeLabelsFail(OnnxValue labels, long classes)
    {
        var key = (Use(labels), classes);
        if (_rangeCheckedLabels.TryGetValue(key, out var existing)) return existing;
        string node = ReserveNodeName(null, "LabelRange");
        var zero = AddInitializer(OnnxTensorData.Int64(ReserveValueName($"{node}.zero"), Array.Empty<long>(), new[] { 0L }));
        var outside = AddInitializer(OnnxTensorData.Int64(ReserveValueName($"{node}.classes"), Array.Empty<long>(), new[] { classes }));
        var negative = Emit("Less", node, NoAttributes, labels, zero);
        var checkedLabels = Emit("Where", ReserveNodeName(null, "Where"), NoAttributes, negative, outside, labels);
        _rangeCheckedLabels.Add(key, checkedLabels);
        return checkedLabels;
    }
}
