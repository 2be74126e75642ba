using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// Configurations checked on every device before any declared one: each layer and operation kind GanGen's catalog
/// builds, and the shapes known to expose faulty kernels, so a process that builds modules by hand is routed too.
/// The small stride-1 transposed convolutions and the single-channel convolutions are the ones an AMD Zen 5
/// (family 26) computed wrong with oneDNN 3.7.1's AVX2 and AVX-512 kernels, and the odd input channel count (9 → 1)
/// one its AVX kernels still computed wrong (2026-12-04).
/// </summary>
internal static class KernelCanaries
{
    public static IReadOnlyList<KernelProbe> All { get; } = new KernelProbe[]
    {
        new("ConvTranspose2d 3 → 6, k5 s1 p2", new long[] { 3, 5, 5 }, () => nn.ConvTranspose2d(3, 6, kernel_size: 5, stride: 1, padding: 2)),
        new("ConvTranspose2d 3 → 6, k3 s1 p1", new long[] { 3, 5, 5 }, () => nn.ConvTranspose2d(3, 6, kernel_size: 3, stride: 1, padding: 1)),
        new("ConvTranspose2d 100 → 32, k7 s1 p0", new long[] { 100, 1, 1 }, () => nn.ConvTranspose2d(100, 32, kernel_size: 7)),
        new("ConvTranspose2d 1 → 8, k3 s1 p1", new long[] { 1, 6, 6 }, () => nn.ConvTranspose2d(1, 8, kernel_size: 3, stride: 1, padding: 1)),
        new("ConvTranspose2d 32 → 16, k4 s2 p1", new long[] { 32, 7, 7 }, () => nn.ConvTranspose2d(32, 16, kernel_size: 4, stride: 2, padding: 1)),
        new("Conv2d 3 → 6, k3 s1 p1", new long[] { 3, 8, 8 }, () => nn.Conv2d(3, 6, kernel_size: 3, stride: 1, padding: 1)),
        new("Conv2d 8 → 1, k3 s1 p1", new long[] { 8, 6, 6 }, () => nn.Conv2d(8, 1, kernel_size: 3, stride: 1, padding: 1)),
        new("Conv2d 9 → 1, k3 s1 p1", new long[] { 9, 6, 6 }, () => nn.Conv2d(9, 1, kernel_size: 3, stride: 1, padding: 1)),
        new("Conv2d 1 → 16, k4 s2 p1", new long[] { 1, 14, 14 }, () => nn.Conv2d(1, 16, kernel_size: 4, stride: 2, padding: 1)),
        new("Conv2d 16 → 16, k3 s1 p1", new long[] { 16, 7, 7 }, () => nn.Conv2d(16, 16, kernel_size: 3, stride: 1, padding: 1)),
        new("Dense 100 → 64", new long[] { 100 }, () => nn.Linear(100, 64)),
        new("BatchNorm1d", new long[] { 8 }, () => nn.BatchNorm1d(8)),
        new("BatchNorm2d", new long[] { 8, 4, 4 }, () => nn.BatchNorm2d(8)),
        new("InstanceNorm2d", new long[] { 4, 6, 6 }, () => nn.InstanceNorm2d(4, affine: true)),
        new("LayerNorm", new long[] { 3, 16 }, () => nn.LayerNorm(16)),
        Operation("ReLU, LeakyReLU(0.2), ELU, GELU, SiLU", new long[] { 64 },
            x => nn.functional.silu(nn.functional.gelu(nn.functional.elu(nn.functional.leaky_relu(nn.functional.relu(x - 0.1) - 0.2, 0.2), 1.0)))),
        Operation("Tanh, Sigmoid", new long[] { 64 }, x => nn.functional.sigmoid(x.tanh() * 3)),
        Operation("Upsample ×2 (nearest)", new long[] { 2, 5, 5 }, x => nn.functional.interpolate(x, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest)),
        Operation("Upsample ×2 (bilinear)", new long[] { 2, 5, 5 },
            x => nn.functional.interpolate(x, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Bilinear, align_corners: false)),
        Operation("AvgPool2d(2)", new long[] { 3, 8, 8 }, x => nn.functional.avg_pool2d(x, 2)),
        Operation("MaxPool2d(2)", new long[] { 3, 8, 8 }, x => nn.functional.max_pool2d(x, 2)),
    };

    private static KernelProbe Operation(string description, long[] shape, System.Func<Tensor, Tensor> operation) =>
        new(description, shape, () => new OperationModule(description, operation));
}
