using System;

namespace GanGen;

// Optimizer values left unset take the literature default for the declared loss and regularisers (the compiler
// resolves them and the generated Declaration states them), so the initialisers here are "unset", not defaults.

/// <summary>Adam for the network it is placed on. Unset values take the loss's literature default.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AdamAttribute : Attribute
{
    /// <summary>Step size; default 2e-4 (DCGAN) or 1e-4 with a gradient penalty (WGAN-GP).</summary>
    [Accepts(0, 10, ExcludeMinimum = true, Advice = "e.g. 2e-4")]
    [Usually(1e-6, 1e-2, Reason = "GANs train Adam at 1e-5 to 1e-3 (DCGAN 2e-4, WGAN-GP 1e-4); a value this far off is usually a slipped exponent, e.g. 2e-1 for 2e-4")]
    public double LearningRate { get; set; }

    /// <summary>First-moment decay; default 0.5 (DCGAN) or 0 with a gradient penalty (WGAN-GP).</summary>
    [Accepts(0, 1, ExcludeMaximum = true, Advice = "DCGAN uses 0.5")]
    [Usually(0, 0.9, ExcludeMaximum = true, Reason = "Radford et al. (2015) found Adam's default β1 = 0.9 made GAN training oscillate and unstable, and used 0.5; WGAN-GP uses 0")]
    public double Beta1 { get; set; }

    /// <summary>Second-moment decay; default 0.999 (DCGAN) or 0.9 with a gradient penalty (WGAN-GP).</summary>
    [Accepts(0, 1, ExcludeMaximum = true, Advice = "DCGAN uses 0.999")]
    [Usually(0.9, 1, ExcludeMaximum = true, Reason = "a short second-moment memory makes the step size noisy; DCGAN uses 0.999, WGAN-GP 0.9")]
    public double Beta2 { get; set; }

    /// <summary>Denominator epsilon; default 1e-8.</summary>
    [Accepts(0, 1, ExcludeMinimum = true)]
    public double Epsilon { get; set; }

    /// <summary>L2 weight decay added to the gradient; default 0.</summary>
    [Accepts(0, 1)]
    [Usually(0, 0.1, Reason = "L2 decay above 0.1 dominates the gradient of a GAN loss; 1e-4 to 1e-2 is usual")]
    public double WeightDecay { get; set; }
}

/// <summary>RMSprop for the network it is placed on (the WGAN paper's choice).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RMSpropAttribute : Attribute
{
    /// <summary>Step size; default 5e-5 (Arjovsky et al. 2017).</summary>
    [Accepts(0, 10, ExcludeMinimum = true, Advice = "WGAN uses 5e-5")]
    [Usually(1e-6, 1e-2, Reason = "WGAN trains RMSprop at 5e-5; a value this far off is usually a slipped exponent, e.g. 5e-2 for 5e-5")]
    public double LearningRate { get; set; }

    /// <summary>Smoothing constant; default 0.99.</summary>
    [Accepts(0, 1, ExcludeMaximum = true)]
    public double Alpha { get; set; }

    /// <summary>Denominator epsilon; default 1e-8.</summary>
    [Accepts(0, 1, ExcludeMinimum = true)]
    public double Epsilon { get; set; }

    /// <summary>L2 weight decay added to the gradient; default 0.</summary>
    [Accepts(0, 1)]
    [Usually(0, 0.1, Reason = "L2 decay above 0.1 dominates the gradient of a GAN loss; 1e-4 to 1e-2 is usual")]
    public double WeightDecay { get; set; }
}

/// <summary>Stochastic gradient descent (optionally with momentum) for the network it is placed on.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SgdAttribute : Attribute
{
    /// <summary>Step size; default 1e-2.</summary>
    [Accepts(0, 10, ExcludeMinimum = true, Advice = "e.g. 1e-2")]
    [Usually(1e-5, 1, Reason = "plain SGD on a GAN usually runs at 1e-3 to 1e-1")]
    public double LearningRate { get; set; }

    /// <summary>Momentum; default 0.</summary>
    [Accepts(0, 1, ExcludeMaximum = true)]
    public double Momentum { get; set; }

    /// <summary>L2 weight decay added to the gradient; default 0.</summary>
    [Accepts(0, 1)]
    [Usually(0, 0.1, Reason = "L2 decay above 0.1 dominates the gradient of a GAN loss; 1e-4 to 1e-2 is usual")]
    public double WeightDecay { get; set; }
}

/// <summary>Optimizer families GanGen can generate; each is the attribute of the same name.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba 2015), as torch.optim.Adam without amsgrad.</summary>
    Adam = 0,
    /// <summary>RMSprop, as torch.optim.RMSprop without momentum or centering.</summary>
    RMSprop = 1,
    /// <summary>SGD with optional momentum, as torch.optim.SGD without dampening or Nesterov.</summary>
    Sgd = 2,
}
