using System;
using System.IO;

namespace GanGen.Examples.Models;

/// <summary>
/// Turns the errors a user can cause from the command line — a data folder without the expected files, a corrupt
/// file, a checkpoint of another model, a device this machine lacks — into one "error: …" line and exit code 1
/// instead of an unhandled-exception stack trace. The exception messages name the file, shape or value at fault.
/// </summary>
public static class CommandLineErrors
{
    /// <summary>Runs <paramref name="run"/>, reporting a user-caused failure as one line on stderr with exit code 1.</summary>
    public static int Run(Func<int> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return run();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            Console.Out.Flush();
            Console.Error.WriteLine("error: " + FirstLine(e.Message));
            return 1;
        }
    }

    // Some messages carry native traces on further lines; the first line says what is wrong.
    private static string FirstLine(string message)
    {
        int end = message.IndexOf('\n');
        return (end < 0 ? message : message[..end]).TrimEnd();
    }
}
