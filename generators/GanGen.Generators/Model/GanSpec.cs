namespace GanGen.Generators.Model;

// The validated, defaults-applied description the emitter works from. It holds no symbols, syntax nodes,
// locations or compilations (a test walks it by reflection), so equal declarations produce equal specs. Enums are
// the declaration language's own (GanGen.Abstractions), never mirrors.

internal readonly record struct SpecArgument(string Name, double Value);

/// <summary>One resolved layer or operation with its input and output sample shapes.</summary>
/// <param name="Kind">The metadata name of its attribute ("GanGen.Conv2dAttribute"), the key of the step catalog.</param>
/// <param name="Arguments">Every argument of the attribute, defaults applied.</param>
/// <param name="Reference">A merge's other operand: the node it names (<see cref="Node.Input"/> for the input).</param>
/// <param name="ReferenceShape">The shape of one sample of that operand.</param>
internal sealed record StepSpec(string Kind, EquatableArray<SpecArgument> Arguments, EquatableArray<int> Dimensions, EquatableArray<long> InputShape,
    EquatableArray<long> OutputShape, string? Reference = null, EquatableArray<long> ReferenceShape = default)
{
    public double this[string name] => SpecArguments.Get(Arguments, name);

    public long Long(string name) => (long)this[name];

    public bool Bool(string name) => this[name] != 0;
}

internal static class SpecArguments
{
    public static double Get(EquatableArray<SpecArgument> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name == name) return argument.Value;
        }
        throw new System.InvalidOperationException($"The spec has no argument '{name}'.");
    }
}

/// <summary>One node of a network or block: a layer property with its steps, or a block property with the operations after it.</summary>
/// <param name="From">The node it reads instead of the previous one ([From]), or null.</param>
/// <param name="Block">For a block node, the block as this use constructs it; its steps are then operations only.</param>
internal sealed record LayerSpec(
    string Name,
    string TypeName,
    string Accessibility,
    EquatableArray<StepSpec> Steps,
    EquatableArray<long> InputShape,
    EquatableArray<long> OutputShape,
    long ParameterCount,
    string? From = null,
    BlockSpec? Block = null);

/// <summary>
/// A [GanBlock] class as one use constructs it: its nodes with this use's shapes. Uses that construct the same layers
/// share a <see cref="Signature"/> (shapes aside), and one class serves them all.
/// </summary>
/// <param name="TypeName">Fully qualified: <c>global::Demo.ResGan.ResBlock</c>.</param>
/// <param name="Containers">The types it is nested in, which its file re-opens.</param>
/// <param name="Classes">Its batch norms are class-conditional over this many classes (0: they are not), so its forward takes the labels.</param>
/// <param name="Signature">What its generated class depends on: layers, operations and references, without shapes.</param>
internal sealed record BlockSpec(
    string Name,
    string TypeName,
    string? Namespace,
    EquatableArray<ContainingType> Containers,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<long> InputShape,
    EquatableArray<long> OutputShape,
    long ParameterCount,
    int Classes,
    string Signature)
{
    public bool ClassConditional => Classes > 0;
}

/// <summary>A network's optimizer: its kind and the values of its attribute's arguments, defaults resolved.</summary>
internal sealed record OptimizerSpec(OptimizerKind Kind, EquatableArray<SpecArgument> Values)
{
    public double this[string name] => SpecArguments.Get(Values, name);
}

/// <summary>How a network receives the class label.</summary>
/// <param name="Mode">The declared conditioning.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="Width">Features the label adds to the input (one-hot: Classes; embedding: its size), or the projection's size.</param>
/// <param name="Features">For projection and auxiliary heads: the shape of the last layer's input they read.</param>
/// <param name="ClassWeight">AC-GAN's cross-entropy weight.</param>
internal sealed record ConditionSpec(Conditioning Mode, int Classes, long Width, EquatableArray<long> Features, double ClassWeight)
{
    public static ConditionSpec None { get; } = new(Conditioning.None, 0, 0, EquatableArray<long>.Empty, 0);

    public bool IsNone => Mode == Conditioning.None;

    /// <summary>The network's forward takes the labels as a second argument.</summary>
    public bool TakesLabels => Mode is Conditioning.Concatenate or Conditioning.Embedding or Conditioning.BatchNorm or Conditioning.Projection;
}

/// <param name="InputShape">What the layers take: the data or latent shape widened by packing or a joined label.</param>
/// <param name="SamplesIndependent">No step mixes samples of a batch (no batch statistics), so one forward pass over
/// concatenated batches equals separate passes.</param>
internal sealed record NetworkSpec(
    NetworkRole Role,
    string Name,
    WeightInit Init,
    OptimizerSpec Optimizer,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<long> InputShape,
    EquatableArray<long> OutputShape,
    bool SamplesIndependent,
    ConditionSpec Condition);

/// <summary>A regulariser declared beside the loss: its attribute's metadata name and argument values.</summary>
internal sealed record RegularizerSpec(string Kind, EquatableArray<SpecArgument> Arguments)
{
    public double this[string name] => SpecArguments.Get(Arguments, name);
}

/// <summary>When each network updates: n_critic, generator updates per round, and which goes first.</summary>
internal sealed record ScheduleSpec(int CriticSteps, int GeneratorSteps, TrainingOrder Order);

/// <summary>The adversarial loss, its own option (the real label of the BCE family), and whether it is in relativistic average form.</summary>
internal sealed record LossSpec(GanLoss Kind, double RealLabel, bool Relativistic);

internal sealed record GanSpec(
    string? Namespace,
    EquatableArray<ContainingType> Containers,
    string Name,
    LossSpec Loss,
    EquatableArray<RegularizerSpec> Regularizers,
    ScheduleSpec Schedule,
    double GeneratorAverage,
    int Pack,
    GeneratorInput Input,
    int LatentSize,
    LatentDistribution Latent,
    EquatableArray<long> DataShape,
    DataRange Range,
    int Classes,
    NetworkSpec Generator,
    NetworkSpec Discriminator);
