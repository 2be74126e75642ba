namespace GanGen.Generators.Model;

// The validated, defaults-applied description the emitter works from. It holds no symbols, syntax nodes,
// locations or compilations (a test walks it by reflection), so equal declarations produce equal specs.

/// <summary>Mirrors GanGen.GanLoss (values must stay equal; a test checks).</summary>
internal enum LossKind
{
    Minimax = 0,
    NonSaturating = 1,
    Wasserstein = 2,
    WassersteinGP = 3,
    Hinge = 4,
    LeastSquares = 5,
}

/// <summary>Mirrors GanGen.TrainingOrder.</summary>
internal enum OrderKind
{
    DiscriminatorFirst = 0,
    GeneratorFirst = 1,
}

/// <summary>Mirrors GanGen.LatentDistribution.</summary>
internal enum LatentKind
{
    Normal = 0,
    Uniform = 1,
}

/// <summary>Mirrors GanGen.DataRange.</summary>
internal enum RangeKind
{
    Unbounded = 0,
    MinusOneToOne = 1,
    ZeroToOne = 2,
}

/// <summary>Mirrors GanGen.Runtime.Optimization.OptimizerKind.</summary>
internal enum OptimizerKind
{
    Adam = 0,
    RMSprop = 1,
    Sgd = 2,
}

internal readonly record struct SpecArgument(string Name, double Value);

/// <summary>One resolved layer or operation with its input and output sample shapes.</summary>
internal sealed record StepSpec(string Kind, bool IsLayer, EquatableArray<SpecArgument> Arguments, EquatableArray<int> Dimensions, EquatableArray<long> InputShape, EquatableArray<long> OutputShape)
{
    public double Get(string name, double fallback)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name) return argument.Value;
        }
        return fallback;
    }
}

internal sealed record LayerSpec(
    string Name,
    string TypeName,
    string Accessibility,
    EquatableArray<StepSpec> Steps,
    EquatableArray<long> InputShape,
    EquatableArray<long> OutputShape,
    long ParameterCount);

internal sealed record OptimizerSpec(
    OptimizerKind Kind,
    double LearningRate,
    double Beta1,
    double Beta2,
    double Epsilon,
    double WeightDecay,
    double Alpha,
    double Momentum);

/// <summary>Mirrors GanGen.DiscriminatorOutput.</summary>
internal enum DiscriminatorOutputKind
{
    Score = 0,
    PatchMap = 1,
}

/// <summary>Mirrors GanGen.WeightInit.</summary>
internal enum InitKind
{
    Default = 0,
    Dcgan = 1,
    Xavier = 2,
    Kaiming = 3,
    Orthogonal = 4,
}

/// <param name="SamplesIndependent">No step mixes samples of a batch (no batch statistics), so one forward pass over
/// concatenated batches equals separate passes.</param>
internal sealed record NetworkSpec(
    NetworkRole Role,
    string Name,
    InitKind Init,
    OptimizerSpec Optimizer,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<long> InputShape,
    EquatableArray<long> OutputShape,
    bool SamplesIndependent);

internal sealed record GanSpec(
    string? Namespace,
    EquatableArray<ContainingType> Containers,
    string Name,
    LossKind Loss,
    int CriticSteps,
    OrderKind Order,
    double RealLabel,
    double GradientPenalty,
    double WeightClip,
    double GeneratorAverage,
    int Pack,
    int LatentSize,
    LatentKind Latent,
    EquatableArray<long> DataShape,
    RangeKind Range,
    NetworkSpec Generator,
    NetworkSpec Discriminator);
