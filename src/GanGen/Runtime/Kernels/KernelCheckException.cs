using System;

namespace GanGen.Runtime.Kernels;

/// <summary>
/// A kernel computes wrong numbers on this machine on every route GanGen knows, so training on it would train on
/// noise. The message names the kernel, its error and the routes tried. An InvalidOperationException: training cannot
/// proceed on this machine as it is, which programs report as a failure of the machine (exit code 1), not of their input.
/// </summary>
public sealed class KernelCheckException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="failure"/>.</summary>
    public KernelCheckException(string message, KernelFailure failure) : base(message) => Failure = failure;

    /// <summary>The first wrong kernel on the last route tried.</summary>
    public KernelFailure Failure { get; }
}
