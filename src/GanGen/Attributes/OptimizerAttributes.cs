using System;

namespace GanGen;

/// <summary>Adam for the network it is placed on. Unset values take the loss's literature default.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AdamAttribute : Attribute
{
    /// <summary>Step size; default 2e-4 (DCGAN) or 1e-4 for WGAN-GP.</summary>
    public double LearningRate { get; set; }
    /// <summary>First-moment decay; default 0.5 (DCGAN) or 0 for WGAN-GP.</summary>
    public double Beta1 { get; set; }
    /// <summary>Second-moment decay; default 0.999 (DCGAN) or 0.9 for WGAN-GP.</summary>
    public double Beta2 { get; set; }
    /// <summary>Denominator epsilon; default 1e-8.</summary>
    public double Epsilon { get; set; }
    /// <summary>L2 weight decay added to the gradient; default 0.</summary>
    public double WeightDecay { get; set; }
}

/// <summary>RMSprop for the network it is placed on (the WGAN paper's choice).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RMSpropAttribute : Attribute
{
    /// <summary>Step size; default 5e-5 (Arjovsky et al. 2017).</summary>
    public double LearningRate { get; set; }
    /// <summary>Smoothing constant; default 0.99.</summary>
    public double Alpha { get; set; }
    /// <summary>Denominator epsilon; default 1e-8.</summary>
    public double Epsilon { get; set; }
    /// <summary>L2 weight decay added to the gradient; default 0.</summary>
    public double WeightDecay { get; set; }
}

/// <summary>Stochastic gradient descent (optionally with momentum) for the network it is placed on.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SgdAttribute : Attribute
{
    /// <summary>Step size; default 1e-2.</summary>
    public double LearningRate { get; set; }
    /// <summary>Momentum; default 0.</summary>
    public double Momentum { get; set; }
    /// <summary>L2 weight decay added to the gradient; default 0.</summary>
    public double WeightDecay { get; set; }
}
