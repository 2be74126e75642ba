using System;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// A request or command-line option that must change (a count out of range, a label outside the model's classes, a
/// malformed seed). The command line reports it with exit code 2, the server with HTTP 400; its message is the one
/// line shown, naming the option or parameter and what is allowed.
/// </summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with its one-line <paramref name="message"/>.</summary>
    public UsageException(string message) : base(message)
    {
    }
}
