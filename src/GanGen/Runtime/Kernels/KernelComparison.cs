using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// Runs a probe forward and backward in float32 and in float64 on the same device and compares the output, the input
/// gradient and every parameter gradient. float64 takes libtorch's reference paths (oneDNN computes float32 only), so
/// the two share no kernel. A right float32 kernel stays within about 1e-5 of the reference's scale on these sizes;
/// the faults this guards against are off by 0.1 to 10.
/// </summary>
internal static class KernelComparison
{
    /// <summary>Four samples: batch statistics of two samples are degenerate (their input gradient is zero).</summary>
    public const long BatchSize = 4;

    public const double Tolerance = 1e-3;

    /// <summary>The first part of <paramref name="probe"/>'s result that is off, or null when all agree.</summary>
    public static KernelFailure? Check(KernelProbe probe, Device device, Generator random)
    {
        using var scope = NewDisposeScope();
        using var gradients = enable_grad();
        using var quiet = LibTorchContext.WithoutNnpack();
        var single = probe.Build();
        var reference = probe.Build();
        reference.load_state_dict(single.state_dict());
        single.to(device);
        reference.to(float64).to(device);
        single.train();
        reference.train();

        var shape = new long[probe.SampleShape.Length + 1];
        shape[0] = BatchSize;
        Array.Copy(probe.SampleShape, 0, shape, 1, probe.SampleShape.Length);
        var input64 = randn(shape, dtype: float64, generator: random).to(device).requires_grad_();
        var input32 = input64.detach().to(float32).requires_grad_();

        var output64 = reference.call(input64);
        var output32 = single.call(input32);
        string devicename = device.ToString();
        if (Worst(output64, output32) is var outputError and > Tolerance)
            return new KernelFailure(probe, devicename, "output", outputError);

        var upstream64 = randn(output64.shape, dtype: float64, generator: random).to(device);
        var names = new List<string> { "input gradient" };
        var with64 = new List<Tensor> { input64 };
        var with32 = new List<Tensor> { input32 };
        var parameters32 = new Dictionary<string, Tensor>();
        foreach (var (name, parameter) in single.named_parameters()) parameters32[name] = parameter;
        foreach (var (name, parameter) in reference.named_parameters())
        {
            if (!parameter.requires_grad || !parameters32.TryGetValue(name, out var parameter32)) continue;
            names.Add("gradient of " + name);
            with64.Add(parameter);
            with32.Add(parameter32);
        }
        var gradients64 = autograd.grad(new[] { output64 }, with64, new[] { upstream64 }, allow_unused: true);
        var gradients32 = autograd.grad(new[] { output32 }, with32, new[] { upstream64.to(float32) }, allow_unused: true);
        for (int i = 0; i < names.Count; i++)
        {
            // autograd returns an undefined tensor for a parameter the output does not depend on.
            bool unused64 = gradients64[i] is null || gradients64[i].IsInvalid, unused32 = gradients32[i] is null || gradients32[i].IsInvalid;
            if (unused64 && unused32) continue;
            if (unused64 != unused32) return new KernelFailure(probe, devicename, names[i], double.PositiveInfinity);
            if (Worst(gradients64[i], gradients32[i]) is var error and > Tolerance)
                return new KernelFailure(probe, devicename, names[i], error);
        }
        return null;
    }

    /// <summary>max |reference − single| / max |reference|; NaN or ∞ in the float32 result count as infinitely off.</summary>
    private static double Worst(Tensor reference, Tensor single)
    {
        double scale = reference.abs().max().item<double>();
        double difference = (reference - single.to(float64)).abs().max().item<double>();
        if (!double.IsFinite(difference)) return double.PositiveInfinity;
        return difference / Math.Max(scale, 1e-30);
    }
}
