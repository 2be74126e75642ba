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
/// oneDNN's just-in-time kernels limited to an instruction set through ONEDNN_MAX_CPU_ISA, which oneDNN reads once, at
/// its first use (the first convolution or matrix product), so the variable must be in the process environment before
/// that. On an AMD Zen 5 (family 26, oneDNN 3.7.1) AVX2 and AVX-512 kernels compute stride-1 transposed convolutions
/// wrong, AVX (no FMA) ones convolutions of odd input channel counts to one or a few outputs (129 → 1, k7), and SSE4.1
/// ones are right: the routes try AVX, then SSE4.1.
/// </summary>
internal sealed class OneDnnIsaCapRoute : KernelRoute
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    private readonly string _isa;

    /// <param name="isa">oneDNN's name of the instruction set: "AVX", "SSE41".</param>
    public OneDnnIsaCapRoute(string isa) => _isa = isa;

    public override string Key => "onednn-" + _isa.ToLowerInvariant();

    public override string Name => $"oneDNN capped at {_isa} ({Variable}={_isa})";

    public override bool CanTakeNow => false;

    public override bool CanTakeAtStartup => true;

    public override void Take() => ProcessEnvironment.Set(Variable, _isa);
}

/// <summary>
/// libtorch's own convolution kernels (im2col and BLAS) instead of oneDNN's, through at::Context's user switches,
/// which libtorch reads on every call: takeable at any time. NNPACK is switched off too, so only the kernels the check
/// ran compute (and CPUs NNPACK does not know print no warning per convolution). Right wherever the BLAS is, but
/// 1.5–8× slower than oneDNN for convolutions.
/// </summary>
internal sealed class NoOneDnnRoute : KernelRoute
{
    public override string Key => "no-onednn";

    public override string Name => "libtorch's own convolutions (oneDNN and NNPACK off)";

    public override bool CanTakeNow => LibTorchContext.IsAvailable;

    public override void Take()
    {
        LibTorchContext.SetOneDnnEnabled(false);
        LibTorchContext.SetNnpackEnabled(false);
    }
}

/// <summary>
/// at::globalContext()'s user switches for oneDNN (setUserEnabledMkldnn) and NNPACK (setUserEnabledNNPACK), which
/// TorchSharp does not wrap, called through their C++ symbols. libtorch reads both on every convolution.
/// </summary>
internal static class LibTorchContext
{
    private static readonly Lazy<Exports?> Functions = new(Resolve);

    public static bool IsAvailable => Functions.Value is not null;

    public static bool OneDnnEnabled => Functions.Value is { } f && Get(f.GlobalContext, f.OneDnnEnabled);

    public static void SetOneDnnEnabled(bool enabled)
    {
        var f = Functions.Value ?? throw new PlatformNotSupportedException("libtorch's at::Context cannot be reached on this platform.");
        Set(f.GlobalContext, f.SetOneDnnEnabled, enabled);
    }

    public static void SetNnpackEnabled(bool enabled)
    {
        var f = Functions.Value ?? throw new PlatformNotSupportedException("libtorch's at::Context cannot be reached on this platform.");
        Set(f.GlobalContext, f.SetNnpackEnabled, enabled);
    }

    /// <summary>
    /// NNPACK off until disposed, then as it was. A float64 convolution asks whether NNPACK can run it (it cannot: NNPACK
    /// is float32 only), and on CPUs NNPACK does not know that question prints "Could not initialize NNPACK!" on
    /// stderr every time; the kernel check's references must not.
    /// </summary>
    public static IDisposable WithoutNnpack()
    {
        if (Functions.Value is not { } f) return NoChange.Instance;
        bool was = Get(f.GlobalContext, f.NnpackEnabled);
        Set(f.GlobalContext, f.SetNnpackEnabled, false);
        return new Restore(() => Set(f.GlobalContext, f.SetNnpackEnabled, was));
    }

    private static unsafe bool Get(IntPtr context, IntPtr getter) =>
        ((delegate* unmanaged<IntPtr, byte>)getter)(((delegate* unmanaged<IntPtr>)context)()) != 0;

    private static unsafe void Set(IntPtr context, IntPtr setter, bool value) =>
        ((delegate* unmanaged<IntPtr, byte, void>)setter)(((delegate* unmanaged<IntPtr>)context)(), value ? (byte)1 : (byte)0);

    /// <summary>The functions' addresses: at::globalContext() and each switch's setter and getter.</summary>
    private sealed record Exports(IntPtr GlobalContext, IntPtr SetOneDnnEnabled, IntPtr OneDnnEnabled, IntPtr SetNnpackEnabled, IntPtr NnpackEnabled);

    private static Exports? Resolve()
    {
        // Touching torch loads libtorch_cpu, so the names below find the copy TorchSharp loaded.
        _ = TorchSharp.torch.get_num_threads();
        // Itanium C++ names (Linux, macOS), then MSVC's (Windows x64): the member functions take `this` first.
        string[][] names =
        {
            new[]
            {
                "_ZN2at13globalContextEv", "_ZN2at7Context20setUserEnabledMkldnnEb", "_ZNK2at7Context17userEnabledMkldnnEv",
                "_ZN2at7Context20setUserEnabledNNPACKEb", "_ZNK2at7Context17userEnabledNNPACKEv",
            },
            new[]
            {
                "?globalContext@at@@YAAEAVContext@1@XZ", "?setUserEnabledMkldnn@Context@at@@QEAAX_N@Z", "?userEnabledMkldnn@Context@at@@QEBA_NXZ",
                "?setUserEnabledNNPACK@Context@at@@QEAAX_N@Z", "?userEnabledNNPACK@Context@at@@QEBA_NXZ",
            },
        };
        foreach (string library in new[] { "libtorch_cpu.so", "libtorch_cpu.dylib", "torch_cpu.dll", "torch_cpu" })
        {
            if (!NativeLibrary.TryLoad(library, typeof(LibTorchContext).Assembly, null, out IntPtr handle)) continue;
            foreach (var set in names)
            {
                var addresses = new IntPtr[set.Length];
                bool found = true;
                for (int i = 0; i < set.Length && found; i++) found = NativeLibrary.TryGetExport(handle, set[i], out addresses[i]);
                if (found) return new Exports(addresses[0], addresses[1], addresses[2], addresses[3], addresses[4]);
            }
        }
        return null;
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    private sealed class NoChange : IDisposable
    {
        public static NoChange Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
