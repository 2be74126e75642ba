using System;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// A kernel computes wrong numbers on this machine on every route GanGen knows, so training on it would train on
/// noise. The message names the kernel, its error and the routes tried.
/// </summary>
public sealed class KernelCheckException : Exception
{
    /// <summary>Creates the exception for <paramref name="failure"/>.</summary>
    public KernelCheckException(string message, KernelFailure failure) : base(message) => Failure = failure;

    /// <summary>The first wrong kernel on the last route tried.</summary>
    public KernelFailure Failure { get; }
}
