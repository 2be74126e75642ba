using System;
using System.IO;
using GanGen.Runtime.Training;

namespace GanGen.Runtime;

/// <summary>
/// The boundary of a program built on GanGen (the <c>dotnet new</c> templates use it): which exceptions are a user's
/// mistake, reported as one "error:" line, and with which exit code — 2 when the command line must change (a refused
/// output folder), 1 when a file, the data or the machine is at fault. Anything else is a bug and stays an exception.
/// </summary>
public static class UserErrors
{
    /// <summary>The command line must change.</summary>
    public const int UsageExitCode = 2;

    /// <summary>A file, the data or the machine is at fault.</summary>
    public const int FailureExitCode = 1;

    /// <summary>
    /// Whether <paramref name="exception"/> is a user's mistake; if so, <paramref name="line"/> says what is wrong in one
    /// line (a refused folder phrased with --output, --overwrite and, when <paramref name="canResume"/>, --resume).
    /// </summary>
    public static bool TryDescribe(Exception exception, out string line, out int exitCode, bool canResume = false)
    {
        ArgumentNullException.ThrowIfNull(exception);
        (line, exitCode) = exception switch
        {
            RunFolderException { IsUsageError: true } refused => (refused.CommandLineMessage(canResume), UsageExitCode),
            IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException => (FirstLine(exception.Message), FailureExitCode),
            _ => ("", 0),
        };
        return exitCode != 0;
    }

    /// <summary>Writes "error: " and <paramref name="problem"/> as one line on stderr; returns <paramref name="exitCode"/>.</summary>
    public static int Report(string problem, int exitCode)
    {
        Console.Out.Flush();
        Console.Error.WriteLine("error: " + problem);
        return exitCode;
    }

    /// <summary>The first line of <paramref name="message"/>: some carry native traces on further lines, the first says what is wrong.</summary>
    public static string FirstLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        int end = message.IndexOf('\n');
        return (end < 0 ? message : message[..end]).TrimEnd();
    }
}
