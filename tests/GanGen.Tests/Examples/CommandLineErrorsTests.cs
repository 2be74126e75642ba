using System;
using System.IO;
using GanGen.Examples.Models;

namespace GanGen.Tests.Examples;

/// <summary>The examples report user-caused failures as one "error:" line and exit code 1, bugs as exceptions.</summary>
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
    public void SuccessPassesThroughAndBugsStayExceptions()
    {
        Assert.Equal(0, CommandLineErrors.Run(() => 0));
        Assert.Throws<NullReferenceException>(() => CommandLineErrors.Run(() => throw new NullReferenceException()));
    }

    private static (int Code, string Error) Capture(Func<int> run)
    {
        var original = Console.Error;
        using var writer = new StringWriter();
        Console.SetError(writer);
        try { return (CommandLineErrors.Run(run), writer.ToString()); }
        finally { Console.SetError(original); }
    }
}
