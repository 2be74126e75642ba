using System;
using System.IO;
using GanGen.Examples.Models;

namespace GanGen.Tests.Examples;

/// <summary>The examples report user-caused failures as one "error:" line (exit code 2 for usage, 1 otherwise), bugs as exceptions.</summary>
public class CommandLineErrorsTests
{
    [Fact]
    public void UserErrorsBecomeOneLineAndExitCodeOne()
    {
        var (code, error) = Capture(() => throw new FileNotFoundException("No Fashion-MNIST images-idx3-ubyte file in '/data'."));
        Assert.Equal(1, code);
        Assert.Equal("error: No Fashion-MNIST images-idx3-ubyte file in '/data'.", error.Trim());
    }

    [Fact]
    public void NativeTracesAfterTheFirstLineAreLeftOut()
    {
        var (code, error) = Capture(() => throw new InvalidOperationException("Torch device type CUDA did not initialise.\n  libtorch_cuda.so: not found"));
        Assert.Equal(1, code);
        Assert.Equal("error: Torch device type CUDA did not initialise.", error.Trim());
    }

    [Fact]
    public void UsageErrorsFoundWhileRunningExitWithTwo()
    {
        var (code, error) = Capture(() => throw new UsageException("--batch-size 20000 is larger than the 10,000 images of x; use at most 10000"));
        Assert.Equal(2, code);
        Assert.Equal("error: --batch-size 20000 is larger than the 10,000 images of x; use at most 10000", error.Trim());
    }

    [Fact]
    public void LibtorchAllocationFailuresNameTheSettingToLower()
    {
        var (code, error) = Capture(() => throw new System.Runtime.InteropServices.ExternalException(
            "[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 53687091200 bytes. Error code 12 (Cannot allocate memory)\nframe #0: ..."),
            memoryHint: "--batch-size (now 100000000)");
        Assert.Equal(1, code);
        Assert.Equal("error: out of memory: a tensor of 50.0 GiB did not fit in memory; lower --batch-size (now 100000000)", error.Trim());
    }

    [Fact]
    public void SuccessPassesThroughAndBugsStayExceptions()
    {
        Assert.Equal(0, CommandLineErrors.Run(() => 0));
        Assert.Throws<NullReferenceException>(() => CommandLineErrors.Run(() => throw new NullReferenceException()));
    }

    private static (int Code, string Error) Capture(Func<int> run, string? memoryHint = null)
    {
        var original = Console.Error;
        using var writer = new StringWriter();
        Console.SetError(writer);
        try { return (CommandLineErrors.Run(run, memoryHint), writer.ToString()); }
        finally { Console.SetError(original); }
    }
}
