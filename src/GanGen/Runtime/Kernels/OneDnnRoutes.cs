using System;
using System.Runtime.InteropServices;

namespace GanGen.Runtime.Kernels;

/// <summary>libtorch's default: oneDNN at the best instruction set the CPU reports.</summary>
internal sealed class DefaultRoute : KernelRoute
{
    public override string Key => "onednn";

    public override string Name => "oneDNN at the CPU's full instruction set (libtorch's default)";

    // It is where every process starts; once left it cannot be returned to (an ISA cap stays).
    public override bool CanTakeNow => false;

    public override bool CanTakeAtStartup => true;

    public override void Take()
    {
    }
}

/// <summary>
/// oneDNN's just-in-time kernels limited to AVX (no FMA, no AVX-512) through ONEDNN_MAX_CPU_ISA, which oneDNN reads
/// once, at its first use (the first convolution or matrix product), so the variable must be in the process
/// environment before that. On an AMD Zen 5 (family 26) this is the fastest route measured right: its AVX2 and
/// AVX-512 kernels for stride-1 transposed convolutions compute wrong numbers.
/// </summary>
internal sealed class OneDnnIsaCapRoute : KernelRoute
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    public override string Key => "onednn-avx";

    public override string Name => $"oneDNN capped at AVX ({Variable}=AVX)";

    public override bool CanTakeNow => false;

    public override bool CanTakeAtStartup => true;

    public override void Take() => ProcessEnvironment.Set(Variable, "AVX");
}

/// <summary>
/// libtorch's own convolution kernels (im2col and BLAS) instead of oneDNN, through at::Context's user switch, which
/// libtorch reads on every call: takeable at any time. Right wherever the BLAS is, but 1.5–8× slower than oneDNN for
/// convolutions.
/// </summary>
internal sealed class NoOneDnnRoute : KernelRoute
{
    public override string Key => "no-onednn";

    public override string Name => "libtorch's own convolutions (oneDNN off)";

    public override bool CanTakeNow => LibTorchContext.IsAvailable;

    public override void Take() => LibTorchContext.SetOneDnnEnabled(false);
}

/// <summary>at::globalContext().setUserEnabledMkldnn(bool), which TorchSharp does not wrap, called through its C++ symbol.</summary>
internal static class LibTorchContext
{
    private static readonly Lazy<Exports?> Functions = new(Resolve);

    public static bool IsAvailable => Functions.Value is not null;

    public static unsafe bool OneDnnEnabled =>
        Functions.Value is { } f && ((delegate* unmanaged<IntPtr, byte>)f.Enabled)(((delegate* unmanaged<IntPtr>)f.GlobalContext)()) != 0;

    public static unsafe void SetOneDnnEnabled(bool enabled)
    {
        var f = Functions.Value ?? throw new PlatformNotSupportedException("libtorch's at::Context cannot be reached on this platform.");
        ((delegate* unmanaged<IntPtr, byte, void>)f.SetEnabled)(((delegate* unmanaged<IntPtr>)f.GlobalContext)(), enabled ? (byte)1 : (byte)0);
    }

    /// <summary>The three functions' addresses: at::globalContext(), Context::setUserEnabledMkldnn(bool), Context::userEnabledMkldnn().</summary>
    private sealed record Exports(IntPtr GlobalContext, IntPtr SetEnabled, IntPtr Enabled);

    private static Exports? Resolve()
    {
        // Touching torch loads libtorch_cpu, so the name below finds the copy TorchSharp loaded.
        _ = TorchSharp.torch.get_num_threads();
        // Itanium C++ names (Linux, macOS), then MSVC's (Windows x64): the member functions take `this` first.
        string[][] names =
        {
            new[] { "_ZN2at13globalContextEv", "_ZN2at7Context20setUserEnabledMkldnnEb", "_ZNK2at7Context17userEnabledMkldnnEv" },
            new[] { "?globalContext@at@@YAAEAVContext@1@XZ", "?setUserEnabledMkldnn@Context@at@@QEAAX_N@Z", "?userEnabledMkldnn@Context@at@@QEBA_NXZ" },
        };
        foreach (string library in new[] { "libtorch_cpu.so", "libtorch_cpu.dylib", "torch_cpu.dll", "torch_cpu" })
        {
            if (!NativeLibrary.TryLoad(library, typeof(LibTorchContext).Assembly, null, out IntPtr handle)) continue;
            foreach (var set in names)
            {
                if (NativeLibrary.TryGetExport(handle, set[0], out IntPtr context)
                    && NativeLibrary.TryGetExport(handle, set[1], out IntPtr setter)
                    && NativeLibrary.TryGetExport(handle, set[2], out IntPtr getter))
                {
                    return new Exports(context, setter, getter);
                }
            }
        }
        return null;
    }
}
