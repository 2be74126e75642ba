using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>Scores samples with a trainer's discriminator, with the labels a conditional one takes: what penalties differentiate.</summary>
public interface IDiscriminatorScorer
{
    /// <summary>Raw discriminator scores of <paramref name="samples"/> (with <paramref name="labels"/> when it is conditional).</summary>
    Tensor Score(Tensor samples, Tensor? labels);
}

/// <summary>A regulariser that keeps tensors a checkpoint must save and restore (e.g. a history of samples).</summary>
public interface IStatefulRegularizer
{
    /// <summary>A name unique among a trainer's regularisers, prefixing its entries in checkpoints.</summary>
    string StateName { get; }

    /// <summary>The state tensors by name, to save (none before the first step).</summary>
    System.Collections.Generic.IEnumerable<(string Name, Tensor State)> StateTensors();

    /// <summary>Restores the state <see cref="StateTensors"/> saved (copies of the given tensors, on <paramref name="device"/>).</summary>
    void Restore(System.Collections.Generic.IReadOnlyDictionary<string, Tensor> state, Device device);
}
