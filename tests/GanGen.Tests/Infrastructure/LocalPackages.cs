using System;
using System.IO;
using Xunit.Abstractions;

namespace GanGen.Tests.Infrastructure;

/// <summary>GanGen packed from this build into a folder feed, as a user's project would consume it.</summary>
internal static class LocalPackages
{
    /// <summary>
    /// Packs GanGen.Abstractions and GanGen into <paramref name="feed"/> under a version of their own (so the global
    /// package cache never serves a package packed from other sources) and returns that version.
    /// </summary>
    public static string Pack(string feed, string label, ITestOutputHelper log)
    {
        Directory.CreateDirectory(feed);
        string version = $"0.1.0-{label}." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N")[..6];
        foreach (string package in new[] { "GanGen.Abstractions", "GanGen" })
        {
            var pack = DotnetCommand.Run(DotnetCommand.RepositoryRoot(), $"pack src/{package}/{package}.csproj -c {DotnetCommand.Configuration} --no-build -o \"{feed}\" -p:PackageVersion={version}", log);
            Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
            Assert.True(File.Exists(Path.Combine(feed, $"{package}.{version}.nupkg")), pack.Output);
        }
        return version;
    }

    /// <summary>A nuget.config in <paramref name="folder"/> that adds <paramref name="feed"/> to the machine's sources.</summary>
    public static void WriteNuGetConfig(string folder, string feed) => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="gangen-local" value="{feed}" />
          </packageSources>
        </configuration>
        """);
}
