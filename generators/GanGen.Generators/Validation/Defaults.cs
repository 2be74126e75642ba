namespace GanGen.Generators.Validation;

/// <summary>
/// The literature defaults that depend on the rest of the declaration (the loss and its regularisers), resolved at
/// compile time so the generated code states the numbers it trains with. Defaults that depend on nothing are the
/// attributes' own initialisers.
/// </summary>
internal static class Defaults
{
    /// <summary>n_critic: 5 for WGAN (Arjovsky et al. 2017, Alg. 1) and WGAN-GP (Gulrajani et al. 2017, Alg. 1), else 1.</summary>
    public static int CriticSteps(GanLoss loss) => loss == GanLoss.Wasserstein ? 5 : 1;
}

/// <summary>
/// Unset optimizer values: Adam lr 2e-4, β = (0.5, 0.999) (Radford et al. 2015, DCGAN); with the Wasserstein loss and
/// a gradient penalty, Adam lr 1e-4, β = (0, 0.9) (Gulrajani et al. 2017); with the Wasserstein loss otherwise,
/// RMSprop lr 5e-5 (Arjovsky et al. 2017). SGD lr 1e-2. ε 1e-8, RMSprop α 0.99, no momentum or decay (torch.optim's).
/// <paramref name="LazyInterval"/>: the discriminator's lazy R1/R2 interval k (1: not lazy), for <see cref="LazyRatio"/>.
/// </summary>
internal sealed record OptimizerDefaults(GanLoss Loss, bool GradientPenalty, int LazyInterval = 1)
{
    /// <summary>
    /// Lazy regularisation as StyleGAN2 trains with it (Karras et al. 2020, their training loop's mb_ratio): a penalty
    /// evaluated every k steps makes k + 1 gradient computations per k steps, so the regularised network's learning
    /// rate is scaled by r = k/(k + 1) and Adam's β₁, β₂ raised to r, keeping its per-step dynamics those of the
    /// unregularised schedule. 1 when the discriminator has no lazy penalty.
    /// </summary>
    public double LazyRatio => LazyInterval > 1 ? LazyInterval / (LazyInterval + 1.0) : 1.0;

    /// <summary>The resolved <paramref name="value"/> of the discriminator's <paramref name="argument"/>, lazily corrected.</summary>
    public double CorrectedForLazyPenalty(OptimizerKind kind, string argument, double value) => (kind, argument) switch
    {
        _ when LazyInterval <= 1 => value,
        (_, "LearningRate") => value * LazyRatio,
        (OptimizerKind.Adam, "Beta1" or "Beta2") => System.Math.Pow(value, LazyRatio),
        _ => value,
    };

    private bool WganGp => Loss == GanLoss.Wasserstein && GradientPenalty;

    /// <summary>The optimizer a network without an optimizer attribute gets.</summary>
    public OptimizerKind Kind => Loss == GanLoss.Wasserstein && !GradientPenalty ? OptimizerKind.RMSprop : OptimizerKind.Adam;

    public double Value(OptimizerKind kind, string argument) => (kind, argument) switch
    {
        (OptimizerKind.Adam, "LearningRate") => WganGp ? 1e-4 : 2e-4,
        (OptimizerKind.Adam, "Beta1") => WganGp ? 0.0 : 0.5,
        (OptimizerKind.Adam, "Beta2") => WganGp ? 0.9 : 0.999,
        (OptimizerKind.RMSprop, "LearningRate") => 5e-5,
        (OptimizerKind.RMSprop, "Alpha") => 0.99,
        (OptimizerKind.Sgd, "LearningRate") => 1e-2,
        (_, "Epsilon") => 1e-8,
        _ => 0.0,
    };
}
