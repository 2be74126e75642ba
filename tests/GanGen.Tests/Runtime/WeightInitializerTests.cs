using System;
using GanGen.Runtime.Initialization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Tests.Runtime;

/// <summary>Each declared initialisation scheme leaves the statistics it promises.</summary>
public sealed class WeightInitializerTests
{
    private static Sequential Network()
    {
        manual_seed(12);
        return nn.Sequential(nn.Conv2d(16, 64, 4), nn.BatchNorm2d(64), nn.Linear(256, 256));
    }

    [Fact]
    public void DcganDrawsNormalWeightsAndUnitNormScales()
    {
        using var net = Network();
        WeightInitializer.Apply(net, GanGen.WeightInit.Dcgan);
        var conv = (Conv2d)net[0];
        var norm = (BatchNorm2d)net[1];
        Assert.Equal(0.0, conv.weight.mean().item<float>(), 2);
        Assert.Equal(0.02, conv.weight.std().item<float>(), 3);
        Assert.Equal(0f, conv.bias!.abs().max().item<float>());
        Assert.Equal(1.0, norm.weight.mean().item<float>(), 2);
        Assert.Equal(0.02, norm.weight.std().item<float>(), 2);
        Assert.Equal(0f, norm.bias!.abs().max().item<float>());
    }

    [Fact]
    public void XavierKaimingAndOrthogonalFollowTheirDefinitions()
    {
        using (var net = Network())
        {
            WeightInitializer.Apply(net, GanGen.WeightInit.Xavier);
            var linear = (Linear)net[2];
            Assert.Equal(Math.Sqrt(2.0 / (256 + 256)), linear.weight!.std().item<float>(), 3);
        }
        using (var net = Network())
        {
            WeightInitializer.Apply(net, GanGen.WeightInit.Kaiming);
            var linear = (Linear)net[2];
            double gain = Math.Sqrt(2.0 / (1 + 0.2 * 0.2));
            Assert.Equal(gain / Math.Sqrt(256), linear.weight!.std().item<float>(), 3);
        }
        using (var net = Network())
        {
            WeightInitializer.Apply(net, GanGen.WeightInit.Orthogonal);
            var linear = (Linear)net[2];
            using var product = linear.weight!.matmul(linear.weight!.t());
            using var identity = eye(256);
            Assert.True(product.allclose(identity, 1e-4, 1e-4), "an orthogonal square matrix has W·Wᵀ = I");
        }
    }
}
