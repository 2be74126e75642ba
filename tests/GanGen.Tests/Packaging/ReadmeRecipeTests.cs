using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GanGen.Tests.Infrastructure;
using GanGen.Tests.Interop;
using Xunit.Abstractions;

namespace GanGen.Tests.Packaging;

/// <summary>
/// The README's template recipe, run exactly as written: the fenced block after its "recipe: templates" marker is read
/// from README.md and run by bash, line by line with errexit, in a copy of the repository's sources (no bin or obj, as
/// a fresh clone has), the copy's parent receiving the projects it creates. Only the template hive is private
/// (DOTNET_CLI_HOME), so the machine's installed templates are untouched; NuGet uses the machine's package cache.
/// </summary>
public sealed class ReadmeRecipeTests : TemporaryFolderTests
{
    private const string Marker = "<!-- recipe: templates";
    private static readonly string[] Skipped = { ".git", "bin", "obj", "runs", "packages", "TestResults", "BenchmarkDotNet.Artifacts" };

    private readonly ITestOutputHelper _output;
    public ReadmeRecipeTests(ITestOutputHelper output) : base("gangen-recipe") => _output = output;

    [Fact]
    public void The_template_recipe_builds_both_projects_on_a_fresh_checkout()
    {
        string root = DotnetCommand.RepositoryRoot();
        string recipe = RecipeBlock(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.Contains("dotnet pack src/GanGen", recipe);

        string checkout = PathOf("GanGen");
        CopySources(root, checkout);
        string cache = MachinePackageCache();
        // NuGet caches a package version once per machine: the recipe's GanGen 0.1.0 must come from this checkout.
        string[] ours = { Path.Combine(cache, "gangen", "0.1.0"), Path.Combine(cache, "gangen.abstractions", "0.1.0") };
        string? stale = ours.FirstOrDefault(Directory.Exists);
        Assert.True(stale is null, $"the machine's NuGet cache already holds '{stale}' from an earlier pack, so the recipe would build against it instead of this checkout: delete that folder and run the test again");

        try
        {
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_CLI_HOME"] = PathOf("home"),   // the template hive (it moves NuGet's cache too, hence the next line)
                ["NUGET_PACKAGES"] = cache,
                ["OMP_NUM_THREADS"] = "1",
            };
            var start = DotnetCommand.StartInfo(checkout);
            start.FileName = "bash";
            start.ArgumentList.Add("-euo");
            start.ArgumentList.Add("pipefail");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(recipe);
            foreach (var (name, value) in environment) start.Environment[name] = value;
            var (exitCode, output) = ChildProcess.Run(start, _output, timeoutMinutes: 15);
            Assert.True(exitCode == 0, $"the README's template recipe failed (exit code {exitCode}):\n{output}");

            Assert.True(File.Exists(Path.Combine(checkout, "packages", "GanGen.0.1.0.nupkg")), output);
            Assert.True(File.Exists(Path.Combine(checkout, "packages", "GanGen.Abstractions.0.1.0.nupkg")), "packing GanGen packs the declaration language beside it");
            foreach (string project in new[] { "MyGan", "MyPoints" })
            {
                string bin = Path.Combine(FolderPath, project, "bin", "Release", "net10.0");
                foreach (string file in new[] { $"{project}.dll", "GanGen.dll", "GanGen.Abstractions.dll" })
                    Assert.True(File.Exists(Path.Combine(bin, file)), $"the recipe built no {file} for {project}:\n{output}");
            }
        }
        finally
        {
            foreach (string folder in ours.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The shell lines of the first fenced block after the marker comment.</summary>
    internal static string RecipeBlock(string readme)
    {
        int marker = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, $"README.md has no '{Marker}' marker before its template recipe");
        var block = Regex.Match(readme[marker..], @"```bash\n(?<lines>.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "the recipe marker is not followed by a ```bash block");
        return block.Groups["lines"].Value;
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string folder in Directory.EnumerateDirectories(from))
        {
            string name = Path.GetFileName(folder);
            if (!Skipped.Contains(name)) CopySources(folder, Path.Combine(to, name));
        }
    }

    private static string MachinePackageCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
