using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// One kernel configuration to check: a module exactly as a network constructs it and the shape of one sample it
/// takes. The check runs it forward and backward in float32 against a float64 copy of itself on the same device.
/// </summary>
/// <param name="Description">What it is, as layer tables say it: "ConvTranspose2d 100 → 128, k7 s1 p0 (no bias)".</param>
/// <param name="SampleShape">One input sample's shape, without the batch dimension: [100, 1, 1].</param>
/// <param name="Build">Constructs the module (float32, on the CPU).</param>
public sealed record KernelProbe(string Description, long[] SampleShape, Func<nn.Module<Tensor, Tensor>> Build)
{
    /// <summary>Identifies the configuration: two layers described alike on the same input are one check.</summary>
    internal string Key => Description + " on " + string.Join("×", SampleShape);
}
