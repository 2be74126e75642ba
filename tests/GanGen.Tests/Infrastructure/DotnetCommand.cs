using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace GanGen.Tests.Infrastructure;

/// <summary>Runs the dotnet host as a child process (a build, a pack, an example), capturing its output.</summary>
internal static class DotnetCommand
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static (int ExitCode, string Output) Run(
        string directory, string arguments, ITestOutputHelper? log = null, int timeoutMinutes = 8, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(directory);
        start.Arguments = arguments;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return ChildProcess.Run(start, log, timeoutMinutes);
    }

    /// <summary>The dotnet host in <paramref name="directory"/>, output redirected, without the test host's MSBuild settings.</summary>
    public static ProcessStartInfo StartInfo(string directory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's own MSBuild settings must not leak into child builds.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG" })
            start.Environment.Remove(name);
        return start;
    }

    public static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
