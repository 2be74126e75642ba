using System;
using System.Diagnostics;
using Xunit.Abstractions;

namespace GanGen.Tests.Infrastructure;

/// <summary>Runs a child process to completion with both streams captured, killing it (and its children) on timeout.</summary>
internal static class ChildProcess
{
    public static (int ExitCode, string Output) Run(ProcessStartInfo start, ITestOutputHelper? log, int timeoutMinutes)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        string command = $"{start.FileName} {(start.ArgumentList.Count > 0 ? string.Join(' ', start.ArgumentList) : start.Arguments)}";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(timeoutMinutes)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in {timeoutMinutes} minutes:\n{output}");
        }
        string all = output + error.Result;
        log?.WriteLine($"$ {command}\n{all}");
        return (process.ExitCode, all);
    }
}
