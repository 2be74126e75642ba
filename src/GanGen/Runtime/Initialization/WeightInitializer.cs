using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Initialization;

/// <summary>Applies a declared <see cref="WeightInit"/> to every dense, convolution and normalisation layer of a module.</summary>
public static class WeightInitializer
{
    /// <summary>Initialises <paramref name="module"/>'s layers in registration order, drawing from the global generator.</summary>
    public static void Apply(nn.Module module, WeightInit init)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (init == WeightInit.Default) return;
        using var _ = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Linear linear:
                    InitWeight(linear.weight!, init);
                    linear.bias?.fill_(0.0);
                    break;
                case Conv2d conv:
                    InitWeight(conv.weight!, init);
                    conv.bias?.fill_(0.0);
                    break;
                case ConvTranspose2d deconv:
                    InitWeight(deconv.weight!, init);
                    deconv.bias?.fill_(0.0);
                    break;
                case BatchNorm1d norm: InitNorm(norm.weight, norm.bias, init); break;
                case BatchNorm2d norm: InitNorm(norm.weight, norm.bias, init); break;
                case InstanceNorm2d norm: InitNorm(norm.weight, norm.bias, init); break;
                case LayerNorm norm: InitNorm(norm.weight, norm.bias, init); break;
            }
        }
    }

    private static void InitWeight(Tensor weight, WeightInit init)
    {
        switch (init)
        {
            case WeightInit.Dcgan: nn.init.normal_(weight, 0.0, 0.02); break;
            case WeightInit.Xavier: nn.init.xavier_normal_(weight); break;
            case WeightInit.Kaiming: nn.init.kaiming_normal_(weight, 0.2, nn.init.FanInOut.FanIn, nn.init.NonlinearityType.LeakyReLU); break;
            case WeightInit.Orthogonal: nn.init.orthogonal_(weight); break;
        }
    }

    private static void InitNorm(Tensor? weight, Tensor? bias, WeightInit init)
    {
        // DCGAN draws norm scales from N(1, 0.02); the other schemes start them at the identity.
        if (weight is not null)
        {
            if (init == WeightInit.Dcgan) nn.init.normal_(weight, 1.0, 0.02);
            else weight.fill_(1.0);
        }
        bias?.fill_(0.0);
    }
}
