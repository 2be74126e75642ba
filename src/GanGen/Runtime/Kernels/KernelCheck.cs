using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// The process's known-answer check of the kernels GAN training uses. Generated networks call <see cref="Verify(IReadOnlyList{KernelProbe})"/>
/// with each distinct layer configuration they construct, and trainers again for their device, before the first
/// step: each configuration runs forward and backward in float32 against a float64 copy of itself, once per process
/// and device (milliseconds), together with <see cref="Canaries"/> the first time. When a kernel is wrong the process
/// moves to the next right route (see <see cref="Route"/>) and says so in one line on stderr; when none is right,
/// <see cref="KernelCheckException"/>. GANGEN_KERNEL_CHECK=off (or <see cref="Enabled"/> = false) skips the check;
/// GANGEN_KERNEL_ROUTE=onednn|onednn-avx|onednn-sse41|no-onednn starts on a route of your choice.
/// </summary>
public static class KernelCheck
{
    private static readonly KernelRoute[] Routes =
        { new DefaultRoute(), new OneDnnIsaCapRoute("AVX"), new OneDnnIsaCapRoute("SSE41"), new NoOneDnnRoute() };

    // The inputs' own stream, so checking never moves the training run's random numbers.
    private static readonly Generator Random = new(0x4B45524E454CUL, CPU); // "KERNEL"

    private static readonly KernelGuard Guard = new(
        Routes,
        static (probe, device) => KernelComparison.Check(probe, device, Random),
        KernelCanaries.All,
        RouteMemory.Default(),
        CpuSignature.Value,
        CpuSignature.Cpu) { Log = static line => Console.Error.WriteLine(line) };

    /// <summary>Whether <see cref="Verify(IReadOnlyList{KernelProbe}, Device)"/> checks anything; false when GANGEN_KERNEL_CHECK is "off".</summary>
    public static bool Enabled
    {
        get => Guard.Enabled;
        set => Guard.Enabled = value;
    }

    /// <summary>This machine as the check identifies it: CPU brand, family, model and stepping, instruction sets, OS, TorchSharp.</summary>
    public static string Machine => CpuSignature.Value;

    /// <summary>The route libtorch's kernels take in this process.</summary>
    public static KernelRoute Route => Guard.Current;

    /// <summary>Why the process started on <see cref="Route"/> rather than libtorch's default (a remembered finding, GANGEN_KERNEL_ROUTE), or null.</summary>
    public static string? RouteReason => Guard.StartReason;

    /// <summary>Where the check's one-line reports go (stderr by default).</summary>
    public static Action<string> Log
    {
        get => Guard.Log;
        set => Guard.Log = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The configurations checked on a device before any declared one: every catalog kind and the known faulty shapes.</summary>
    public static IReadOnlyList<KernelProbe> Canaries => KernelCanaries.All;

    /// <summary>Checks <paramref name="probes"/> on the CPU; see <see cref="Verify(IReadOnlyList{KernelProbe}, Device)"/>.</summary>
    public static void Verify(IReadOnlyList<KernelProbe> probes) => Verify(probes, CPU);

    /// <summary>
    /// Checks every configuration in <paramref name="probes"/> not yet checked on <paramref name="device"/> in this
    /// process, routing around a wrong kernel or throwing <see cref="KernelCheckException"/> when no route is right.
    /// The global random state is as before.
    /// </summary>
    public static void Verify(IReadOnlyList<KernelProbe> probes, Device device)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(device);
        if (!Guard.Enabled) return;
        using var state = get_rng_state();
        try
        {
            Guard.Verify(probes, device);
        }
        finally
        {
            set_rng_state(state);
        }
    }

    /// <summary>Before anything in this assembly runs: the route to start on, while oneDNN has not read its settings yet.</summary>
#pragma warning disable CA2255 // A library's module initializer: the ISA cap only works before libtorch's first convolution or matrix product.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Start()
    {
        try
        {
            Guard.Enabled = !string.Equals(Environment.GetEnvironmentVariable("GANGEN_KERNEL_CHECK"), "off", StringComparison.OrdinalIgnoreCase);
            string? forced = Environment.GetEnvironmentVariable("GANGEN_KERNEL_ROUTE");
            Guard.Start(string.IsNullOrWhiteSpace(forced) ? null : forced.Trim());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            // A module initializer must not throw: the first check reports the problem instead.
            StartupProblem = e.Message;
        }
    }

    /// <summary>Why start-up could not take the route asked for, or null.</summary>
    internal static string? StartupProblem { get; private set; }
}
