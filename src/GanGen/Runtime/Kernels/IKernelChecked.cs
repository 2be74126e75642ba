using System.Collections.Generic;

namespace GanGen.Runtime.Kernels;

/// <summary>A generated network: it lists its layer configurations, so a trainer can check them on its own device.</summary>
public interface IKernelChecked
{
    /// <summary>Each distinct layer configuration with one sample's input shape.</summary>
    static abstract IReadOnlyList<KernelProbe> KernelProbes { get; }
}
