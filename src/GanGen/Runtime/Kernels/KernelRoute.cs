namespace GanGen.Runtime.Kernels;

/// <summary>
/// A way of computing libtorch's CPU kernels. Routes are tried in order when a kernel check fails: each is right
/// more often and slower than the one before. Some can only be taken before libtorch first uses oneDNN.
/// </summary>
public abstract class KernelRoute
{
    /// <summary>The name remembered on disk and accepted by GANGEN_KERNEL_ROUTE: "onednn", "onednn-avx", "no-onednn".</summary>
    public abstract string Key { get; }

    /// <summary>What it is, for messages: "oneDNN capped at AVX (ONEDNN_MAX_CPU_ISA=AVX)".</summary>
    public abstract string Name { get; }

    /// <summary>Whether <see cref="Take"/> can still change the kernels in this process.</summary>
    public abstract bool CanTakeNow { get; }

    /// <summary>Whether the route can be taken at start-up, before libtorch first uses oneDNN.</summary>
    public virtual bool CanTakeAtStartup => CanTakeNow;

    /// <summary>Makes this route the one every later kernel call takes.</summary>
    public abstract void Take();

    /// <inheritdoc />
    public override string ToString() => Name;
}
