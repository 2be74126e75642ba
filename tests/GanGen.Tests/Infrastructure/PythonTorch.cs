using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Xunit.Abstractions;

namespace GanGen.Tests.Infrastructure;

/// <summary>
/// Debian's PyTorch (<c>python3-torch</c>) as the cross-framework oracle: runs scripts with <c>/usr/bin/python3</c>
/// (a pyenv python3 earlier on PATH does not see Debian's packages) and <c>/usr/bin/torchrun</c>, one OpenMP thread
/// per process with passive waiting, so two libtorch processes on two cores do not spin against each other.
/// </summary>
internal static class PythonTorch
{
    public const string Python = "/usr/bin/python3";
    public const string Torchrun = "/usr/bin/torchrun";

    private static readonly Lazy<string?> Missing = new(FindProblem);

    /// <summary>Why PyTorch cannot run here, or null when it can.</summary>
    public static string? Unavailable => Missing.Value;

    /// <summary>
    /// Whether a missing PyTorch fails tests instead of skipping them: in CI (<c>CI</c> set, or
    /// <c>GANGEN_REQUIRE_PYTORCH=1</c> as .ci/run sets it), where the cross-framework oracle must run.
    /// </summary>
    public static bool Required =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } || Environment.GetEnvironmentVariable("GANGEN_REQUIRE_PYTORCH") == "1";

    /// <summary>The reason to skip a PyTorch test here, or null to run it.</summary>
    public static string? SkipReason => Unavailable is { } reason && !Required ? reason : null;

    /// <summary>Fails with the reason when PyTorch is unavailable (tests that reach here are not skipped).</summary>
    public static void Require() => Assert.True(Unavailable is null, Unavailable);

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/>; returns the exit code and both streams.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string directory, ITestOutputHelper? log = null, int timeoutMinutes = 5)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return ChildProcess.Run(start, log, timeoutMinutes);
    }

    /// <summary>Runs a Python script and asserts it succeeded.</summary>
    public static string RunScript(string script, IEnumerable<string> arguments, string directory, ITestOutputHelper? log = null)
    {
        var all = new List<string> { script };
        all.AddRange(arguments);
        var (exitCode, output) = Run(Python, all, directory, log);
        Assert.True(exitCode == 0, $"{Path.GetFileName(script)} failed with exit code {exitCode}:\n{output}");
        return output;
    }

    /// <summary>A test-side Python script shipped in this test project's output (Interop/PyTorch/*.py).</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "PyTorchScripts", name);

    private static string? FindProblem()
    {
        if (!File.Exists(Python)) return $"{Python} does not exist; install Debian's python3-torch (apt-get install -y python3-torch)";
        var (exitCode, output) = Run(Python, new[] { "-c", "import torch, torch.distributed as d; assert d.is_gloo_available(); print(torch.__version__)" }, Path.GetTempPath());
        return exitCode == 0 ? null : $"{Python} cannot import torch with gloo (apt-get install -y python3-torch): {output.Trim()}";
    }
}

/// <summary>
/// A fact that needs PyTorch: skipped with the reason when /usr/bin/python3 lacks torch — except where PyTorch is
/// <see cref="PythonTorch.Required"/>, so CI fails instead of skipping the oracle.
/// </summary>
public sealed class PyTorchFactAttribute : FactAttribute
{
    public PyTorchFactAttribute()
    {
        Skip = PythonTorch.SkipReason;
    }
}

/// <summary>A theory that needs PyTorch; skipped like <see cref="PyTorchFactAttribute"/>.</summary>
public sealed class PyTorchTheoryAttribute : TheoryAttribute
{
    public PyTorchTheoryAttribute()
    {
        Skip = PythonTorch.SkipReason;
    }
}
