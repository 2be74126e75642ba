using GanGen.Runtime.Kernels;
using GanGen.Testing;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Kernels;

/// <summary>
/// The real check on the machine the tests run on: every canary (each layer and operation kind, and the shapes known
/// to expose faulty kernels) computes in float32 what it computes in float64, on the route the process took. On a CPU
/// whose kernels no route fixes, this fails with the kernel check's own line.
/// </summary>
public sealed class MachineKernelTests
{
    private readonly ITestOutputHelper _output;

    public MachineKernelTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryCanaryComputesItsFloat64AnswerOnTheRouteTaken()
    {
        Assert.True(KernelCheckStartup.Refusal is null, KernelCheckStartup.Refusal?.Message);
        _output.WriteLine(KernelCheckStartup.Settling);
        _output.WriteLine($"route: {KernelCheck.Route.Name}");
        using var random = new Generator(7, CPU);
        foreach (var probe in KernelCheck.Canaries)
        {
            var failure = KernelComparison.Check(probe, CPU, random);
            Assert.True(failure is null, $"{failure} on {KernelCheck.Route.Name}");
        }
    }
}
