using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using GanGen.Tests.Infrastructure;
using GanGen.Tests.Interop;
using Xunit.Abstractions;

namespace GanGen.Tests.Examples;

/// <summary>
/// Every example's entry point against a hostile user (issue 20): each bad input — an enum option by number, an
/// out-of-range value, an edited manifest that points outside the folder, a folder holding an earlier run or other
/// files — is exactly one "error:" line with the policy's exit code and no stack trace, and every file that was in
/// the working folder before is byte for byte the same afterwards. Then the output-folder policy run for real:
/// a second run is refused, --overwrite removes exactly the earlier run's files (none stale when it writes fewer)
/// and leaves other files, even in the run's own sub-folders, alone.
/// </summary>
public sealed class HostileCommandLineTests : TemporaryFolderTests
{
    private const string Earlier = "earlier.txt";
    private readonly ITestOutputHelper _log;

    public HostileCommandLineTests(ITestOutputHelper log) : base("gangen-hostile")
    {
        _log = log;
        // An earlier run's folder (its manifest lists earlier.txt) that also holds the user's own file in a sub-folder.
        Write("run/" + OutputFolderManifest, Earlier + "\n");
        Write("run/" + Earlier, "an earlier run's output");
        Write("run/mine/notes.txt", "the user's own notes");
        // A file outside every output folder, and manifests edited to reach it.
        Write("outside.txt", "outside the output folders");
        Write("tampered/" + OutputFolderManifest, "../outside.txt\n");
        Write("absolute/" + OutputFolderManifest, PathOf("outside.txt") + "\n");
        Directory.CreateDirectory(PathOf("linked"));
        File.CreateSymbolicLink(PathOf("linked/link"), FolderPath);
        Write("linked/" + OutputFolderManifest, "link/outside.txt\n");
        // A folder of someone else's files, and one holding a file the run would write but never recorded.
        Write("foreign/notes.txt", "not GanGen's");
        Write("collide/last.ckpt", "someone else's checkpoint");
        Directory.CreateDirectory(PathOf("data-empty"));
    }

    private const string OutputFolderManifest = ".gangen-outputs";

    private static string EmbeddedData => Path.Combine(DotnetCommand.RepositoryRoot(), "data", "fashion-mnist");

    [Theory]
    // Enum options by name only: a number, or a comma list of names, is no GAN.
    [InlineData("FashionMnist", "--gan|7", 2, "error: --gan must be one of dcgan, conditional, refiner, resnet, attention, conditionalresnet, residualrefiner; got '7'")]
    [InlineData("FashionMnist", "--gan|0", 2, "--gan must be one of dcgan, conditional,")]
    [InlineData("FashionMnist", "--stabilizer|42", 2, "error: --stabilizer must be one of none, spectralnorm, r1, instancenoise, featurematching, minibatchstddev, average; got '42'")]
    [InlineData("FashionMnist", "--stabilizer|1", 2, "--stabilizer must be one of none,")]
    [InlineData("FashionMnist", "--gan|dcgan,conditional", 2, "got 'dcgan,conditional'")]
    [InlineData("FashionMnist", "--gan|CONDITIONAL|--stabilizer|R1", 2, "--stabilizer r1 needs --gan dcgan")]
    // Output folders.
    [InlineData("FashionMnist", "--output|run", 2, "already holds a training run (earlier.txt): pass --resume to continue it, --overwrite to replace it, or choose another --output folder")]
    [InlineData("FashionMnist", "--output|run|--resume", 2, "has no last.ckpt to resume from (it holds earlier.txt, mine/notes.txt)")]
    [InlineData("FashionMnist", "--output|foreign", 2, "holds files this program did not write (notes.txt): pass --overwrite to write beside them (they are kept as they are), or choose another --output folder")]
    [InlineData("FashionMnist", "--output|collide|--overwrite", 2, "holds last.ckpt, which this run would write but this program did not write there (it is not listed in .gangen-outputs); --overwrite replaces only listed files")]
    [InlineData("FashionMnist", "--output|tampered|--overwrite", 1, "line 1 lists '../outside.txt', which leads out of the folder ('..')")]
    [InlineData("FashionMnist", "--output|absolute|--overwrite", 1, "which is an absolute path")]
    [InlineData("FashionMnist", "--output|linked|--overwrite", 1, "lists 'link/outside.txt', which passes through the symbolic link 'link'")]
    [InlineData("FashionMnist", "--output|fresh|--data|data-empty", 1, "has neither Fashion-MNIST IDX files")]
    [InlineData("Toy2D", "--dataset|1", 2, "--dataset: Argument '1' not recognized. Must be one of: 'ring' 'grid'")]
    [InlineData("Toy2D", "--output|run", 2, "already holds an earlier run's outputs (earlier.txt): pass --overwrite to replace them, or choose another --output folder")]
    [InlineData("Toy2D", "--output|foreign", 2, "holds files this program did not write (notes.txt)")]
    [InlineData("Toy2D", "--output|tampered|--overwrite", 1, "leads out of the folder")]
    [InlineData("Toy2D", "--output|linked|--overwrite", 1, "passes through the symbolic link 'link'")]
    [InlineData("ModeCollapse", "--datasets|1", 2, "--datasets: no dataset '1'; use ring, grid or both")]
    [InlineData("ModeCollapse", "--output|run", 2, "already holds an earlier run's outputs (earlier.txt)")]
    [InlineData("ModeCollapse", "--output|run|--resume|--overwrite", 2, "--resume and --overwrite exclude each other")]
    [InlineData("ModeCollapse", "--output|foreign|--resume", 2, "has no results.csv to continue")]
    [InlineData("ModeCollapse", "--output|absolute|--overwrite", 1, "which is an absolute path")]
    [InlineData("TrainClassifier", "{data}|run/classifier.ggck", 2, "already holds an earlier run's outputs (earlier.txt)")]
    [InlineData("TrainClassifier", "{data}|tampered/classifier.ggck|1|1|--overwrite", 1, "leads out of the folder")]
    [InlineData("TrainClassifier", "{data}|run", 2, "the output file (second argument) must name a file")]
    [InlineData("TrainClassifier", "{data}|x.ggck|0", 2, "epochs (the third argument) must be a whole number between 1 and 1000; got '0'")]
    [InlineData("TrainClassifier", "--bogus", 2, "unknown option '--bogus'")]
    [InlineData("TrainClassifier", "data-empty|fresh/classifier.ggck", 1, "has no train-images-idx3-ubyte[.gz]")]
    public void ABadInputIsOneErrorLineAndChangesNoFile(string example, string arguments, int exitCode, string expected)
    {
        var before = FolderSnapshot.Take(FolderPath);

        var (code, output, error) = Run(example, arguments.Replace("{data}", EmbeddedData).Split('|'));

        string line = ErrorLine.Single(output, error);
        Assert.Contains(expected, line);
        Assert.Equal(exitCode, code);
        Assert.Equal("", FolderSnapshot.Differences(before, FolderSnapshot.Take(FolderPath)));
    }

    /// <summary>
    /// The README's conditional run on Debian's dataset-fashion-mnist (or, where it is not installed, the repository's
    /// files of the same names), and on uncompressed files: the labels beside train-images-idx3-ubyte are found.
    /// </summary>
    [Theory]
    [InlineData("gzip")]
    [InlineData("plain")]
    public void TheConditionalGanFindsTheLabelsBesideTheTrainingImages(string layout)
    {
        string data = "/usr/share/datasets/fashion-mnist";
        if (layout == "plain" || !Directory.Exists(data))
        {
            data = layout == "plain" ? PathOf("plain") : EmbeddedData;
            if (layout == "plain")
            {
                Directory.CreateDirectory(data);
                foreach (string name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte" })
                {
                    using var packed = new GZipStream(File.OpenRead(Path.Combine(EmbeddedData, name + ".gz")), CompressionMode.Decompress);
                    using var plain = File.Create(Path.Combine(data, name));
                    packed.CopyTo(plain);
                }
            }
        }

        var (code, output, error) = Run("FashionMnist",
            "--gan", "conditional", "--data", data, "--output", "out", "--steps", "1", "--batch-size", "8",
            "--sample-every", "1", "--evaluate-every", "0", "--evaluation-samples", "10");

        Assert.True(code == 0, error);
        Assert.Contains($"labelled images from {Path.Combine(data, "train-images-idx3-ubyte")}", output);
        Assert.Contains("final: conditional accuracy", output);
        Assert.True(File.Exists(PathOf("out/classes.png")));
    }

    [Fact]
    public void Toy2DRefusesASecondRunAndItsOverwriteReplacesExactlyTheListedFiles()
    {
        string[] budget = ["--steps", "20", "--batch-size", "16", "--threads", "1", "--output", "out"];
        Assert.Equal(0, Run("Toy2D", budget).ExitCode);
        Assert.Equal(["ring-samples.png", "ring-curves.png"], Manifest("out"));
        Write("out/sub/notes.txt", "the user's own notes");
        var before = FolderSnapshot.Take(FolderPath);

        var (code, output, error) = Run("Toy2D", budget);
        Assert.Equal(2, code);
        Assert.Equal($"error: --output '{PathOf("out")}' already holds an earlier run's outputs (ring-samples.png, ring-curves.png): pass --overwrite to replace them, or choose another --output folder", ErrorLine.Single(output, error));
        Assert.Equal("", FolderSnapshot.Differences(before, FolderSnapshot.Take(FolderPath)));

        (code, _, error) = Run("Toy2D", ["--dataset", "grid", "--overwrite", .. budget]);
        Assert.True(code == 0, error);
        Assert.Equal(["grid-samples.png", "grid-curves.png"], Manifest("out"));
        Assert.False(File.Exists(PathOf("out/ring-samples.png")), "the earlier run's plot is stale beside the new one");
        Assert.False(File.Exists(PathOf("out/ring-curves.png")));
        Assert.Equal(before["out/sub/notes.txt"], FolderSnapshot.Take(FolderPath)["out/sub/notes.txt"]);
    }

    /// <summary>A shorter run over a longer one: the earlier sample grids go, the user's file in samples/ stays.</summary>
    [Fact]
    public void FashionOverwriteWithFewerSamplesLeavesNoStaleGridAndKeepsOtherFiles()
    {
        string[] budget = ["--batch-size", "8", "--sample-every", "1", "--evaluate-every", "0", "--evaluation-samples", "10", "--output", "out"];
        var first = Run("FashionMnist", ["--steps", "3", .. budget]);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(File.Exists(PathOf("out/samples/step-0000003.png")));
        Write("out/samples/notes.txt", "the user's own notes");
        var before = FolderSnapshot.Take(FolderPath);

        var refused = Run("FashionMnist", ["--steps", "1", .. budget]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already holds a training run (", ErrorLine.Single(refused.Output, refused.Error));
        Assert.Equal("", FolderSnapshot.Differences(before, FolderSnapshot.Take(FolderPath)));

        var second = Run("FashionMnist", ["--steps", "1", "--overwrite", .. budget]);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(["notes.txt", "step-0000001.png"], Directory.GetFiles(PathOf("out/samples")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(before["out/samples/notes.txt"], FolderSnapshot.Take(FolderPath)["out/samples/notes.txt"]);
        // Everything in the folder is this run's (listed) or bookkeeping, besides the user's file.
        var present = FolderSnapshot.Take(PathOf("out")).Keys.Except([OutputFolderManifest, ".gangen-run.lock", "samples/notes.txt"]);
        Assert.Equal(Manifest("out").Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ModeCollapseOverwriteWithFewerRowsRemovesThePicturesItNoLongerDraws()
    {
        string[] budget = ["--datasets", "ring", "--seeds", "1", "--ring-steps", "20", "--batch-size", "32", "--threads", "1", "--output", "out"];
        Assert.Equal(0, Run("ModeCollapse", ["--rows", "plain", "pacgan", .. budget]).ExitCode);
        Assert.True(File.Exists(PathOf("out/ring-pacgan.png")));

        var (code, _, error) = Run("ModeCollapse", ["--rows", "plain", "--overwrite", .. budget]);

        Assert.True(code == 0, error);
        Assert.False(File.Exists(PathOf("out/ring-pacgan.png")), "the earlier run's picture is stale beside the new ones");
        Assert.True(File.Exists(PathOf("out/ring-plain.png")));
        Assert.Equal(2, File.ReadAllLines(PathOf("out/results.csv")).Length);
        Assert.Equal(["results.csv", "ring-plain.png", "results.md"], Manifest("out"));
    }

    private string[] Manifest(string folder) => File.ReadAllLines(PathOf(Path.Combine(folder, OutputFolderManifest)));

    private void Write(string relativePath, string text)
    {
        string path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private (int ExitCode, string Output, string Error) Run(string example, params string[] arguments)
    {
        var result = ExampleProcess.Run(example, FolderPath, arguments);
        _log.WriteLine($"{example} {string.Join(' ', arguments)}: exit {result.ExitCode}\nstdout:\n{result.Output}\nstderr:\n{result.Error}");
        return result;
    }
}
