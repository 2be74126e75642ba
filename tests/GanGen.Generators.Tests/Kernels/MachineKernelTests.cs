using GanGen.Runtime.Kernels;
using GanGen.Testing;
using Xunit;

namespace GanGen.Generators.Tests.Kernels;

public sealed class MachineKernelTests
{
    [Fact]
    public void Kernel_check_finds_a_right_route_on_this_machine()
    {
        Assert.True(KernelCheckStartup.Refusal is null, KernelCheckStartup.Refusal?.Message);
    }
}
