using System;

namespace GanGen.Examples.Models;

/// <summary>
/// A command line that must change: an option's value is malformed, out of range, names the wrong kind of path, or
/// conflicts with the data or the output folder. Reported as one "error:" line with exit code 2.
/// </summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> names the option and the allowed values.</summary>
    public UsageException(string message)
        : base(message)
    {
    }
}
