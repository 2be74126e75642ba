using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>Literature defaults, resolved at compile time so the generated code states the numbers it trains with.</summary>
internal static class Defaults
{
    /// <summary>n_critic: 5 for WGAN (Arjovsky et al. 2017, Alg. 1) and WGAN-GP (Gulrajani et al. 2017, Alg. 1), else 1.</summary>
    public static int CriticSteps(LossKind loss) => loss is LossKind.Wasserstein or LossKind.WassersteinGP ? 5 : 1;

    /// <summary>WGAN uses RMSprop (Arjovsky et al. 2017); everything else Adam.</summary>
    public static OptimizerKind Optimizer(LossKind loss) => loss == LossKind.Wasserstein ? OptimizerKind.RMSprop : OptimizerKind.Adam;

    /// <summary>
    /// Adam: lr 2e-4, β = (0.5, 0.999) (Radford et al. 2015, DCGAN); WGAN-GP: lr 1e-4, β = (0, 0.9) (Gulrajani et al. 2017).
    /// RMSprop: lr 5e-5 (Arjovsky et al. 2017). SGD: lr 1e-2.
    /// </summary>
    public static OptimizerSpec For(OptimizerKind kind, LossKind loss) => kind switch
    {
        OptimizerKind.Adam when loss == LossKind.WassersteinGP => new OptimizerSpec(kind, 1e-4, 0.0, 0.9, 1e-8, 0, 0.99, 0),
        OptimizerKind.Adam => new OptimizerSpec(kind, 2e-4, 0.5, 0.999, 1e-8, 0, 0.99, 0),
        OptimizerKind.RMSprop => new OptimizerSpec(kind, 5e-5, 0.9, 0.999, 1e-8, 0, 0.99, 0),
        _ => new OptimizerSpec(kind, 1e-2, 0.9, 0.999, 1e-8, 0, 0.99, 0),
    };
}
