using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace GanGen.Tests.Infrastructure;

/// <summary>
/// An example program run as a user runs it, with stdout and stderr kept apart and read as they come, so a test can
/// wait for a progress line, send a signal, and check the exit code and the exact error lines.
/// </summary>
internal sealed class ExampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly BlockingCollection<string> _lines = new();

    private ExampleProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Received(e.Data, _output, _lines);
        process.ErrorDataReceived += (_, e) => Received(e.Data, _error, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>Starts examples/GanGen.Examples.<paramref name="example"/> (built with the tests) in <paramref name="directory"/>.</summary>
    public static ExampleProcess Start(string example, string directory, params string[] arguments)
    {
        string project = "GanGen.Examples." + example;
        string dll = Path.Combine(DotnetCommand.RepositoryRoot(), "examples", project, "bin", DotnetCommand.Configuration, "net10.0", project + ".dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"The example is not built at {dll}; build the solution first.");
        return StartProgram(dll, directory, arguments);
    }

    /// <summary>Runs a built program (<paramref name="dll"/>, e.g. a project made from a template) to its end.</summary>
    public static (int ExitCode, string Output, string Error) RunProgram(string dll, string directory, params string[] arguments)
    {
        using var process = StartProgram(dll, directory, arguments);
        return process.WaitForExit(TimeSpan.FromMinutes(5));
    }

    private static ExampleProcess StartProgram(string dll, string directory, string[] arguments)
    {
        var start = DotnetCommand.StartInfo(directory);
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument); // as given: '' stays an empty argument
        start.Environment["CI"] = "1"; // plain progress lines
        start.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        return new ExampleProcess(Process.Start(start)!);
    }

    /// <summary>Runs an example to its end.</summary>
    public static (int ExitCode, string Output, string Error) Run(string example, string directory, params string[] arguments)
    {
        using var process = Start(example, directory, arguments);
        return process.WaitForExit(TimeSpan.FromMinutes(5));
    }

    /// <summary>Waits for a stdout line that satisfies <paramref name="match"/>; returns it, or null at the end of output or time.</summary>
    public string? WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!_lines.TryTake(out var line, TimeSpan.FromMilliseconds(200)))
            {
                if (_lines.IsCompleted) return null;
                continue;
            }
            if (match(line)) return line;
        }
        return null;
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. 15, SIGTERM) as `kill` would.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public (int ExitCode, string Output, string Error) WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the example did not finish in {timeout}:\n{_output}\n{_error}");
        }
        _process.WaitForExit(); // drains the asynchronous readers
        lock (_output)
        lock (_error)
        {
            return (_process.ExitCode, _output.ToString(), _error.ToString());
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _lines.Dispose();
    }

    private static void Received(string? line, StringBuilder all, BlockingCollection<string>? lines)
    {
        if (line is null)
        {
            lines?.CompleteAdding();
            return;
        }
        lock (all) all.Append(line).Append('\n');
        lines?.Add(line);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
