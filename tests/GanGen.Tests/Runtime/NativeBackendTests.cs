using static TorchSharp.torch;

namespace GanGen.Tests.Runtime;

/// <summary>Proves the native backend loads in the test host (the build's Debian 12 fix worked) and computes.</summary>
public class NativeBackendTests
{
    [Fact]
    public void MatrixProductRunsOnTheNativeBackend()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        using var product = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void AutogradComputesGradients()
    {
        using var x = tensor(new float[] { 3 }).requires_grad_(true);
        using var y = x.pow(2).sum();
        y.backward();
        using var gradient = x.grad!;
        Assert.Equal(6f, gradient.item<float>());
    }
}
