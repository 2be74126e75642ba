using System;
using System.Linq;
using static TorchSharp.torch;
using Modules = TorchSharp.Modules;

namespace GanGen.Runtime.Interop.Onnx;

// Normalisation layers in inference mode: the statistics an eval-mode TorchSharp module uses become initializers.
public sealed partial class OnnxGraphBuilder
{
    /// <summary>
    /// <c>nn.BatchNorm1d</c>/<c>nn.BatchNorm2d</c> in eval mode as <c>BatchNormalization</c> over dimension 1, using the
    /// running mean and variance; a module without affine parameters gets scale 1 and bias 0.
    /// </summary>
    /// <exception cref="NotSupportedException">The module does not track running statistics, so even in eval mode it normalises with each batch's own statistics.</exception>
    public OnnxValue BatchNorm(OnnxValue x, Modules.BatchNorm batchNorm, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(batchNorm);
        if (!batchNorm.track_running_stats || batchNorm.running_mean is null || batchNorm.running_var is null)
            throw new NotSupportedException("A BatchNorm without running statistics normalises with each batch's statistics even in eval mode; export needs track_running_stats = true.");
        return EmitBatchNormalization(x, batchNorm.weight, batchNorm.bias, batchNorm.running_mean, batchNorm.running_var, batchNorm.eps, name);
    }

    /// <summary>
    /// <c>nn.InstanceNorm2d</c> as <c>InstanceNormalization</c> (each sample and channel normalised by its own
    /// statistics) with the affine scale and bias, or 1 and 0 without them. A module tracking running statistics uses
    /// those in eval mode instead, and is exported as <c>BatchNormalization</c>, which computes exactly that.
    /// </summary>
    public OnnxValue InstanceNorm2d(OnnxValue x, Modules.InstanceNorm2d instanceNorm, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(instanceNorm);
        if (instanceNorm.track_running_stats && instanceNorm.running_mean is not null && instanceNorm.running_var is not null)
            return EmitBatchNormalization(x, instanceNorm.weight, instanceNorm.bias, instanceNorm.running_mean, instanceNorm.running_var, instanceNorm.eps, name);
        string node = ReserveNodeName(name, "InstanceNormalization");
        long[] channels = { instanceNorm.num_features };
        var scale = ParameterOrFilled(instanceNorm.weight, 1f, channels, node, "weight");
        var bias = ParameterOrFilled(instanceNorm.bias, 0f, channels, node, "bias");
        return Emit("InstanceNormalization", node, new[] { OnnxAttribute.Float("epsilon", (float)instanceNorm.eps) }, x, scale, bias);
    }

    /// <summary>
    /// <c>nn.LayerNorm</c> as <c>LayerNormalization</c> over its normalized shape, i.e. the last
    /// <c>normalized_shape.Length</c> dimensions (axis −1 for the usual single dimension).
    /// </summary>
    public OnnxValue LayerNorm(OnnxValue x, Modules.LayerNorm layerNorm, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(layerNorm);
        long[] shape = layerNorm.normalized_shape;
        string node = ReserveNodeName(name, "LayerNormalization");
        var scale = ParameterOrFilled(layerNorm.weight, 1f, shape, node, "weight");
        var bias = ParameterOrFilled(layerNorm.bias, 0f, shape, node, "bias");
        var attributes = new[] { OnnxAttribute.Int("axis", -shape.Length), OnnxAttribute.Float("epsilon", (float)layerNorm.eps) };
        return Emit("LayerNormalization", node, attributes, x, scale, bias);
    }

    private OnnxValue EmitBatchNormalization(OnnxValue x, Tensor? weight, Tensor? bias, Tensor runningMean, Tensor runningVar, double eps, string? name)
    {
        string node = ReserveNodeName(name, "BatchNormalization");
        long[] channels = runningMean.shape;
        var scale = ParameterOrFilled(weight, 1f, channels, node, "weight");
        var shift = ParameterOrFilled(bias, 0f, channels, node, "bias");
        var mean = Parameter(runningMean, node, "running_mean");
        var variance = Parameter(runningVar, node, "running_var");
        return Emit("BatchNormalization", node, new[] { OnnxAttribute.Float("epsilon", (float)eps) }, x, scale, shift, mean, variance);
    }

    /// <summary>The parameter when the module has it, else a float32 initializer of <paramref name="shape"/> filled with <paramref name="fill"/>.</summary>
    private OnnxValue ParameterOrFilled(Tensor? parameter, float fill, long[] shape, string nodeName, string role)
    {
        if (parameter is not null) return Parameter(parameter, nodeName, role);
        long count = shape.Aggregate(1L, (product, size) => product * size);
        var values = Enumerable.Repeat(fill, checked((int)count)).ToArray();
        return AddInitializer(OnnxTensorData.Float(ReserveValueName($"{nodeName}.{role}"), (long[])shape.Clone(), values));
    }
}
