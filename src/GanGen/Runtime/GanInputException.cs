using System;

namespace GanGen.Runtime;

/// <summary>
/// A caller's input that GanGen cannot use: an argument out of range, a file that is missing, malformed or claims
/// more than it holds, non-finite weights, a folder holding files GanGen did not write. The one exception type the
/// public API throws for a user's mistake; its message names the argument or file, what is wrong and what is
/// allowed, in one line, so a program can print it as its "error:" line. Anything else a GanGen call throws is a bug.
/// </summary>
public sealed class GanInputException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="subject"/> (an argument's name or a file's path).</summary>
    /// <param name="subject">What is wrong: the argument's name, the option or the file's path.</param>
    /// <param name="problem">What is wrong with it, ending in what is allowed ("… is -1; labels are 0 to 9").</param>
    public GanInputException(string subject, string problem)
        : base($"{subject}: {problem}")
    {
        Subject = subject;
        Problem = problem;
    }

    /// <summary>Creates the exception with the exception that revealed the problem (e.g. an <see cref="System.IO.IOException"/>).</summary>
    public GanInputException(string subject, string problem, Exception inner)
        : base($"{subject}: {problem}", inner)
    {
        Subject = subject;
        Problem = problem;
    }

    /// <summary>The argument's name, the option or the file's path.</summary>
    public string Subject { get; }

    /// <summary>What is wrong with it and what is allowed.</summary>
    public string Problem { get; }

    /// <inheritdoc />
    public override string Message => $"{Subject}: {Problem}";
}
