using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Tests.Infrastructure;
using GanGen.Tests.Interop;
using SkiaSharp;
using Xunit.Abstractions;

namespace GanGen.Tests.Packaging;

/// <summary>
/// The <c>dotnet new</c> templates in templates/: installed from the repository into a private template hive (the
/// machine's template cache is untouched), instantiated against GanGen packed from this build, built with warnings
/// as errors, and run briefly — the image GAN on a folder of PNGs, the 2-D GAN on the ring.
/// </summary>
public sealed class TemplateTests : TemporaryFolderTests
{
    // One OpenMP thread that sleeps when idle: the runs share two cores with the test host.
    private static readonly Dictionary<string, string> Quiet = new() { ["OMP_NUM_THREADS"] = "1", ["OMP_WAIT_POLICY"] = "PASSIVE" };

    private readonly ITestOutputHelper _output;
    public TemplateTests(ITestOutputHelper output) : base("gangen-templates") => _output = output;

    [Fact]
    public void Both_templates_install_from_the_repository_instantiate_build_and_run()
    {
        string feed = PathOf("feed"), hive = PathOf("hive"), projects = PathOf("projects");
        Directory.CreateDirectory(projects);
        string version = LocalPackages.Pack(feed, "template", _output);
        LocalPackages.WriteNuGetConfig(projects, feed);

        foreach (string template in new[] { "gangen-image", "gangen-2d" })
        {
            string installed = Succeeds(FolderPath, $"new install \"{Path.Combine(DotnetCommand.RepositoryRoot(), "templates", template)}\" --debug:custom-hive \"{hive}\"");
            Assert.Contains(template, installed);
        }
        Succeeds(projects, $"new gangen-image -n MyImages --GanGenVersion {version} --debug:custom-hive \"{hive}\"");
        Succeeds(projects, $"new gangen-2d -n MyPoints --GanGenVersion {version} --debug:custom-hive \"{hive}\"");
        Assert.Contains($"Include=\"GanGen\" Version=\"{version}\"", File.ReadAllText(Path.Combine(projects, "MyImages", "MyImages.csproj")));
        Assert.Contains("namespace MyPoints;", File.ReadAllText(Path.Combine(projects, "MyPoints", "PointGan.cs")));

        Succeeds(projects, "build MyImages -c Release");
        Succeeds(projects, "build MyPoints -c Release");

        string points = Succeeds(Path.Combine(projects, "MyPoints"), "run -c Release --no-build -- 200");
        Assert.Contains("Mode coverage: modes covered", points);
        Assert.True(File.Exists(Path.Combine(projects, "MyPoints", "runs", "MyPoints", "generator.onnx")), "the 2-D template exports its generator");

        string images = PathOf("images");
        Directory.CreateDirectory(images);
        for (int i = 0; i < 8; i++) SaveStripes(Path.Combine(images, $"image-{i}.png"), i);
        string run = Succeeds(Path.Combine(projects, "MyImages"), $"run -c Release --no-build -- \"{images}\" 4");
        Assert.Contains("trained 4 steps", run);
        foreach (string file in new[] { "weights.safetensors", "generator.onnx", Path.Combine("pytorch", "model.py") })
            Assert.True(File.Exists(Path.Combine(projects, "MyImages", "runs", "MyImages", file)), $"the image template wrote no {file}");

        PointsProgramFollowsTheCommandLineAndOutputFolderPolicy(Path.Combine(projects, "MyPoints"));
        ImageProgramFollowsTheCommandLineAndOutputFolderPolicy(Path.Combine(projects, "MyImages"), images);
    }

    /// <summary>
    /// The 2-D template's program against hostile input (issue 20): one "error:" line, exit code 2, nothing in its run
    /// folder changed; a second run is refused, and --overwrite replaces exactly its own files, keeping the user's.
    /// </summary>
    private void PointsProgramFollowsTheCommandLineAndOutputFolderPolicy(string project)
    {
        string dll = Path.Combine(project, "bin", "Release", "net10.0", "MyPoints.dll"), run = Path.Combine(project, "runs", "MyPoints");
        var refusals = new (string[] Arguments, string Expected)[]
        {
            (["0"], "error: steps must be a whole number between 1 and 100000000; got '0'"),
            (["7", "8"], "the steps are given once"),
            (["--bogus"], "error: unknown option '--bogus'"),
            (["--output", Path.Combine(run, "generator.onnx")], "--output must name a folder"),
            (["200"], $"error: --output '{run}' already holds an earlier run's outputs (weights.safetensors, generator.onnx): pass --overwrite to replace them, or choose another --output folder"),
        };
        AssertRefusals(dll, project, run, refusals);

        File.WriteAllText(Path.Combine(run, "notes.txt"), "the user's own notes");
        var (code, _, error) = ExampleProcess.RunProgram(dll, project, "200", "--overwrite");
        Assert.True(code == 0, error);
        Assert.Equal(["weights.safetensors", "generator.onnx"], File.ReadAllLines(Path.Combine(run, ".gangen-outputs")));
        Assert.Equal("the user's own notes", File.ReadAllText(Path.Combine(run, "notes.txt")));
    }

    /// <summary>The image template's program likewise; a shorter run over a longer one leaves no stale sample grid.</summary>
    private void ImageProgramFollowsTheCommandLineAndOutputFolderPolicy(string project, string images)
    {
        string dll = Path.Combine(project, "bin", "Release", "net10.0", "MyImages.dll"), run = Path.Combine(project, "runs", "MyImages");
        var refusals = new (string[] Arguments, string Expected)[]
        {
            ([images, "x"], "error: steps must be a whole number between 1 and 100000000; got 'x'"),
            (["missing"], "error: the image folder 'missing' does not exist"),
            ([], "error: expected an image folder and optionally the steps, got 0 arguments"),
            ([images, "4"], $"error: --output '{run}' already holds an earlier run's outputs (metrics.csv, last.ckpt,"),
        };
        AssertRefusals(dll, project, run, refusals);

        Directory.CreateDirectory(Path.Combine(run, "samples", "mine"));
        File.WriteAllText(Path.Combine(run, "samples", "mine", "notes.txt"), "the user's own notes");
        var (code, _, error) = ExampleProcess.RunProgram(dll, project, images, "2", "--overwrite");
        Assert.True(code == 0, error);
        Assert.Equal(["step-0000002.png"], Directory.GetFiles(Path.Combine(run, "samples")).Select(Path.GetFileName));
        Assert.Equal("the user's own notes", File.ReadAllText(Path.Combine(run, "samples", "mine", "notes.txt")));
    }

    private void AssertRefusals(string dll, string project, string run, (string[] Arguments, string Expected)[] refusals)
    {
        foreach (var (arguments, expected) in refusals)
        {
            var before = FolderSnapshot.Take(run);
            var (code, output, error) = ExampleProcess.RunProgram(dll, project, arguments);
            _output.WriteLine($"{Path.GetFileName(dll)} {string.Join(' ', arguments)}: exit {code}\n{output}\n{error}");
            Assert.Equal(2, code);
            Assert.Contains(expected, ErrorLine.Single(output, error));
            Assert.Equal("", FolderSnapshot.Differences(before, FolderSnapshot.Take(run)));
        }
    }

    private string Succeeds(string directory, string arguments)
    {
        var (exitCode, output) = DotnetCommand.Run(directory, arguments, _output, environment: Quiet);
        Assert.True(exitCode == 0, $"dotnet {arguments} failed:\n{output}");
        return output;
    }

    private static void SaveStripes(string path, int shift)
    {
        using var bitmap = new SKBitmap(32, 32);
        for (int y = 0; y < 32; y++)
        {
            for (int x = 0; x < 32; x++) bitmap.SetPixel(x, y, (x + shift) % 8 < 4 ? SKColors.White : SKColors.Black);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
