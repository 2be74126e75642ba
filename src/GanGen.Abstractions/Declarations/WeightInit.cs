namespace GanGen;

/// <summary>Weight initialisation schemes a network can declare with <c>Init = …</c>.</summary>
public enum WeightInit
{
    /// <summary>TorchSharp's per-layer defaults (Kaiming-uniform with a = √5 for dense and conv layers).</summary>
    Default = 0,
    /// <summary>DCGAN (Radford et al. 2015): conv and dense weights N(0, 0.02), norm weights N(1, 0.02), biases 0.</summary>
    Dcgan = 1,
    /// <summary>Xavier/Glorot normal weights, zero biases.</summary>
    Xavier = 2,
    /// <summary>Kaiming/He normal weights (fan-in, leaky-ReLU gain 0.2), zero biases.</summary>
    Kaiming = 3,
    /// <summary>Orthogonal weights, zero biases.</summary>
    Orthogonal = 4,
}
