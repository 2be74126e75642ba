using System.Runtime.CompilerServices;
using GanGen.Runtime.Kernels;

namespace GanGen.Testing;

/// <summary>
/// Checks the kernels before any test of the assembly runs: many tests build TorchSharp modules by hand, outside any
/// generated network, and compare numbers, so the route around a faulty kernel must be taken before them. Both test
/// assemblies compile this file.
/// </summary>
internal static class KernelCheckStartup
{
    /// <summary>Why the check refused, or null; each assembly's MachineKernelTests fails with it.</summary>
    public static KernelCheckException? Refusal { get; private set; }

    [ModuleInitializer]
    internal static void CheckKernels()
    {
        try
        {
            KernelCheck.Verify(KernelCheck.Canaries);
        }
        catch (KernelCheckException e)
        {
            Refusal = e;
        }
    }
}
