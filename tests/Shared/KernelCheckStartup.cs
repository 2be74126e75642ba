using System;
using System.Diagnostics;
using System.IO;
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
    // A route found wrong is left for the next right one in-process, often oneDNN off (up to 14 times slower); the
    // routes a process can only take at start-up (oneDNN capped at an ISA) are found one process each. A few short
    // child processes find them first, so the test host starts on the fastest right route.
    private const int MostSettlingRuns = 4;

    /// <summary>Why the check refused, or null; each assembly's MachineKernelTests fails with it.</summary>
    public static KernelCheckException? Refusal { get; private set; }

    /// <summary>What the settling processes said, one line each.</summary>
    public static string Settling { get; private set; } = "";

    [ModuleInitializer]
    internal static void CheckKernels()
    {
        // Before GanGen's own start-up reads the remembered route: nothing of GanGen may run until this returns.
        Settle();
        Verify();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Verify()
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Settle()
    {
        if (Environment.GetEnvironmentVariable("GANGEN_KERNEL_ROUTE") is { Length: > 0 } ||
            string.Equals(Environment.GetEnvironmentVariable("GANGEN_KERNEL_CHECK"), "off", StringComparison.OrdinalIgnoreCase))
            return;
        string program = SettlingProgram();
        if (!File.Exists(program)) return;
        for (int run = 0; run < MostSettlingRuns; run++)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(program);
            using var process = Process.Start(start);
            if (process is null) return;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                return;
            }
            Settling += output;
            // 3: the route it started on was wrong and the next process starts on another; anything else is final.
            if (process.ExitCode != 3) return;
        }
    }

    private static string SettlingProgram([CallerFilePath] string here = "")
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "GanGen.KernelRoutes", "bin", configuration, "net10.0", "GanGen.KernelRoutes.dll"));
    }
}
