using System;
using System.IO;
using GanGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GanGen.Tests.Packaging;

/// <summary>
/// GanGen as a user gets it: the NuGet package is packed from this build, a fresh console project outside the
/// repository references it (plus TorchSharp-cpu), and must (1) compile a declared GAN through the packaged
/// generator, (2) load libtorch through the packaged buildTransitive native fix, and (3) train; a bad declaration in
/// the same project must fail its build with the packaged diagnostic.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gangen-consumer-" + Guid.NewGuid().ToString("N")[..8]);

    public PackageConsumerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void PackagedGeneratorRuntimeAndNativeFixWorkInAFreshProject()
    {
        string feed = Path.Combine(_work, "feed"), app = Path.Combine(_work, "app");
        Directory.CreateDirectory(app);
        string version = LocalPackages.Pack(feed, "consumer", _output);

        WriteConsumer(app, feed, version);
        var run = Dotnet(app, "run -c Release");
        Assert.True(run.ExitCode == 0, "the consumer failed to build or run:\n" + run.Output);
        Assert.Contains("Total parameters", run.Output);            // Summary() generated from the package's analyzer
        Assert.Contains("consumer trained 200 steps", run.Output);   // libtorch loaded and the trainer ran
        Assert.Contains("finite: True", run.Output);

        var bad = Dotnet(app, "build -c Release -p:DefineConstants=BAD_DECLARATION");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("error GAN208", bad.Output);
        Assert.Contains("Discriminator 'D' produces [3] per sample", bad.Output);
        Assert.DoesNotContain("CS9248", bad.Output); // GanGen's error alone, not one per unimplemented layer too
    }

    private static void WriteConsumer(string app, string feed, string version)
    {
        LocalPackages.WriteNuGetConfig(app, feed);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GanGen" Version="{version}" />
                <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using GanGen;
            using GanGen.Runtime.Data;
            using TorchSharp.Modules;

            Console.WriteLine(Consumer.ToyGan.Summary());
            using var data = GaussianMixture2D.Ring(seed: 1);
            using var gan = new Consumer.ToyGan(seed: 1);
            for (int i = 0; i < 200; i++)
            {
                using var batch = data.Sample(64);
                gan.Step(batch);
            }
            var metrics = gan.ReadMetrics();
            Console.WriteLine($"consumer trained {metrics.Step} steps: {metrics}; finite: {metrics.IsFinite}");

            namespace Consumer
            {
                [Gan]
                [GanData(2)]
                public partial class ToyGan
                {
                    [GanGenerator(Latent = 4)]
                    public partial class G
                    {
                        [Dense(32), ReLU] public partial Linear Hidden { get; }
                        [Dense(2)] public partial Linear Output { get; }
                    }

                    [GanDiscriminator]
                    public partial class D
                    {
                        [Dense(32), LeakyReLU(0.2)] public partial Linear Hidden { get; }
                        [Dense(1)] public partial Linear Score { get; }
                    }
                }

            #if BAD_DECLARATION
                [Gan]
                [GanData(2)]
                public partial class BadGan
                {
                    [GanGenerator(Latent = 4)]
                    public partial class G
                    {
                        [Dense(2)] public partial Linear Output { get; }
                    }

                    [GanDiscriminator]
                    public partial class D
                    {
                        [Dense(3)] public partial Linear Score { get; }
                    }
                }
            #endif
            }
            """);
    }

    private (int ExitCode, string Output) Dotnet(string directory, string arguments) => DotnetCommand.Run(directory, arguments, _output);

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
