using System;
using System.CommandLine;
using System.IO;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// The server's command-line error policy, the one the other examples follow (their CommandLineErrors lives with
/// GanGen, which this program must not reference): one "error: …" line on stderr and no stack trace; exit code 2
/// when the command line must change (a parse error, an option out of range, a label outside the model's
/// classes), 1 when a file or the machine is at fault (a missing or corrupt .onnx, a port in use, a folder that
/// cannot be written). Anything else is a bug and stays an exception.
/// </summary>
public static class CommandLine
{
    /// <summary>The command line must change.</summary>
    public const int UsageExitCode = 2;

    /// <summary>A file or the machine is at fault.</summary>
    public const int FailureExitCode = 1;

    /// <summary>Parses <paramref name="args"/> and runs the chosen command; a parse error is one line and exit code 2.</summary>
    public static int Invoke(RootCommand command, string[] args)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = command.Parse(args);
        if (result.Errors.Count == 0) return result.Invoke();
        string message = string.Join(" ", result.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return Report(message + " (see --help)", UsageExitCode);
    }

    /// <summary>Runs <paramref name="action"/>, turning a user's mistake into its one line and exit code.</summary>
    public static int Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return 0;
        }
        catch (UsageException exception)
        {
            return Report(exception.Message, UsageExitCode);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or OutOfMemoryException)
        {
            return Report(exception.Message, FailureExitCode);
        }
    }

    private static int Report(string message, int exitCode)
    {
        Console.Error.WriteLine("error: " + message.Split('\n')[0].TrimEnd());
        return exitCode;
    }
}
