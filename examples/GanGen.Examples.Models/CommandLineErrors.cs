using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using GanGen.Runtime;

namespace GanGen.Examples.Models;

/// <summary>
/// The examples' one policy for failures a user can cause: one "error: …" line on stderr, never a stack trace.
/// Exit code 2 when the command line must change (a parse error, an option out of range, the wrong kind of path, a
/// folder conflict); exit code 1 when the files, the data or the machine are at fault (a corrupt file, a checkpoint
/// of another model, a device this machine lacks, too little memory). Bugs stay exceptions.
/// </summary>
public static partial class CommandLineErrors
{
    /// <summary>The command line must change.</summary>
    public const int UsageExitCode = UserErrors.UsageExitCode;

    /// <summary>A file, the data or the machine is at fault.</summary>
    public const int FailureExitCode = UserErrors.FailureExitCode;

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command's action; a parse error (unknown option, a value of the
    /// wrong type) is one "error:" line and exit code 2 instead of the full help text.
    /// </summary>
    public static int Invoke(RootCommand command, string[] args)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = command.Parse(args);
        return result.Errors.Count > 0 ? Usage(ParseProblem(result.Errors[0]) + " (see --help)") : result.Invoke();
    }

    /// <summary>The parse error on one line, prefixed with the option it concerns when the message does not name it.</summary>
    private static string ParseProblem(System.CommandLine.Parsing.ParseError error)
    {
        string message = string.Join(" ", error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var option = error.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult o => o.Option.Name,
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option.Name,
            _ => null,
        };
        return option is null || message.Contains(option, StringComparison.Ordinal) ? message : $"{option}: {message}";
    }

    /// <summary>Reports a usage error; returns exit code 2.</summary>
    public static int Usage(string problem) => Report(problem, UsageExitCode);

    /// <summary>
    /// Runs <paramref name="run"/>, reporting a user-caused failure as one line on stderr: exit code 2 for a
    /// <see cref="UsageException"/>, 1 otherwise. An allocation failure names <paramref name="memoryHint"/> (e.g.
    /// "--batch-size 100000000") as the setting to lower. A refused output folder (<see cref="GanGen.Runtime.Training.RunFolderException"/>)
    /// is phrased with the --output and --overwrite options, and --resume when <paramref name="resumable"/>.
    /// </summary>
    public static int Run(Func<int> run, string? memoryHint = null, bool resumable = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return run();
        }
        catch (UsageException e)
        {
            return Usage(e.Message);
        }
        catch (Exception e) when (IsOutOfMemory(e))
        {
            return Report($"out of memory: {Attempted(e.Message)}; lower {memoryHint ?? "the sizes you chose"}", FailureExitCode);
        }
        catch (Exception e) when (UserErrors.TryDescribe(e, out string problem, out int exitCode, canResume: resumable))
        {
            return Report(problem, exitCode);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            return Report(UserErrors.FirstLine(e.Message), FailureExitCode); // an unavailable device, a kernel check no route passes
        }
    }

    /// <summary>
    /// True for managed and native allocation failures. libtorch reports its own as a native error whose text is
    /// the only sign (DefaultCPUAllocator's "can't allocate memory", CUDA's "out of memory").
    /// </summary>
    public static bool IsOutOfMemory(Exception e) =>
        e is OutOfMemoryException ||
        (e is ExternalException && (e.Message.Contains("can't allocate memory", StringComparison.OrdinalIgnoreCase) ||
                                    e.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase)));

    /// <summary>What failed to fit, from libtorch's "you tried to allocate N bytes" when it says so.</summary>
    private static string Attempted(string message)
    {
        var match = AllocationSize().Match(message);
        return match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out double bytes)
            ? string.Create(CultureInfo.InvariantCulture, $"a tensor of {bytes / (1 << 30):N1} GiB did not fit in memory")
            : "an allocation did not fit in memory";
    }

    [GeneratedRegex("allocate ([0-9]+) bytes")]
    private static partial Regex AllocationSize();

    private static int Report(string problem, int exitCode) => UserErrors.Report(problem, exitCode);
}
