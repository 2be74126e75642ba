using System;
using System.IO;
using System.Linq;
using GanGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GanGen.Tests.Examples;

/// <summary>
/// Both examples' one policy: every option is validated before anything runs; a usage error (parse errors included)
/// is one "error:" line naming the option and what is allowed, exit code 2, no help text; a runtime error caused by
/// the user (files, memory) is one "error:" line with exit code 1; never a stack trace.
/// </summary>
public sealed class CommandLinePolicyTests : IDisposable
{
    private readonly ITestOutputHelper _log;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gangen-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public CommandLinePolicyTests(ITestOutputHelper log)
    {
        _log = log;
        Directory.CreateDirectory(_work);
        File.WriteAllText(Path.Combine(_work, "a-file.txt"), "not a folder");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("FashionMnist", "--threads|1000", "--threads must be between 0 (TorchSharp's default) and")]
    [InlineData("FashionMnist", "--lr-d|Infinity", "--lr-d must be a finite number greater than 0 and at most 1; got Infinity")]
    [InlineData("FashionMnist", "--lr-g|NaN", "--lr-g must be a finite number greater than 0 and at most 1; got NaN")]
    [InlineData("FashionMnist", "--device|foo", "--device must be cpu, cuda or cuda:N (N a GPU index); got 'foo'")]
    [InlineData("FashionMnist", "--device|", "--device must be cpu, cuda or cuda:N (N a GPU index); got ''")]
    [InlineData("FashionMnist", "--device|meta", "--device meta cannot train")]
    [InlineData("FashionMnist", "--data|a-file.txt", "--data must be a folder that holds Fashion-MNIST IDX files (train-images-idx3-ubyte[.gz] or t10k-images-idx3-ubyte[.gz]) or PNG/JPEG images, but 'a-file.txt' is a file")]
    [InlineData("FashionMnist", "--output|a-file.txt", "--output must be a folder, but 'a-file.txt' is a file")]
    [InlineData("FashionMnist", "--resume|--overwrite", "--resume and --overwrite exclude each other")]
    [InlineData("FashionMnist", "--steps|many", "'many'")]
    [InlineData("FashionMnist", "--bogus", "'--bogus'")]
    [InlineData("FashionMnist", "--batch-size|1000000", "--batch-size 1000000 is larger than the 10,000 images of")]
    [InlineData("Toy2D", "--threads|1000", "--threads must be between 0 (TorchSharp's default) and")]
    [InlineData("Toy2D", "--dataset|spiral", "--dataset: Argument 'spiral' not recognized. Must be one of: 'ring' 'grid'")]
    [InlineData("Toy2D", "--batch-size|lots", "'lots'")]
    [InlineData("Toy2D", "--dataset|grid|--batch-size|30", "--batch-size must be a multiple of 4 for --dataset grid")]
    [InlineData("Toy2D", "--output|a-file.txt", "--output must be a folder, but 'a-file.txt' is a file")]
    public void UsageErrorsAreOneLineAndExitCodeTwo(string example, string arguments, string expected)
    {
        string[] output = arguments.Contains("--output") ? [] : ["--output", "run"];
        var (code, stdout, error) = ExampleProcess.Run(example, _work, [.. arguments.Split('|'), .. output]);
        _log.WriteLine($"exit {code}\nstdout:\n{stdout}\nstderr:\n{error}");

        Assert.Equal(2, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("Usage:", stdout + error); // no help text
        Assert.DoesNotContain("   at ", stdout + error); // no stack trace
    }

    [Fact]
    public void ThreadsAreBoundedByTheProcessorCountAndSaySo()
    {
        var (code, _, error) = ExampleProcess.Run("Toy2D", _work, "--threads", "1000");
        Assert.Equal(2, code);
        Assert.Contains($"and {4 * Environment.ProcessorCount} (4 × the {Environment.ProcessorCount} processors here); got 1000", error);
    }

    [Fact]
    public void AnOutOfMemoryBatchSizeIsOneLineNamingTheOption()
    {
        // 10⁸ points fit; the generator's first hidden layer for them (10⁸ × 128 floats, 48 GiB) does not.
        var (code, output, error) = ExampleProcess.Run("Toy2D", _work, "--batch-size", "100000000", "--steps", "1", "--output", "run");
        _log.WriteLine($"exit {code}\nstdout:\n{output}\nstderr:\n{error}");

        Assert.Equal(1, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: out of memory: a tensor of ", line);
        Assert.EndsWith("GiB did not fit in memory; lower --batch-size (now 100000000)", line);
    }

    [Fact]
    public void ResumeWithoutACheckpointAndANewRunIntoAnOldOneAreRefused()
    {
        string run = Path.Combine(_work, "run");
        var resume = ExampleProcess.Run("FashionMnist", _work, "--resume", "--output", run);
        Assert.Equal(2, resume.ExitCode);
        Assert.Equal($"error: --resume: '{run}' has no last.ckpt to resume from; leave out --resume to start a new run (with --overwrite if the folder holds an earlier run's files)", resume.Error.Trim());
        Assert.False(Directory.Exists(run), "a refused run created its output folder");

        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "last.ckpt"), "an earlier run's checkpoint");
        File.WriteAllText(Path.Combine(run, "metrics.csv"), "step,loss_d,loss_g,real_score,fake_score\n");
        File.WriteAllText(Path.Combine(run, ".gangen-outputs"), "last.ckpt\nmetrics.csv\n"); // as the earlier run recorded them
        var again = ExampleProcess.Run("FashionMnist", _work, "--output", run);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal($"error: --output '{run}' already holds a training run (last.ckpt, metrics.csv): pass --resume to continue it, --overwrite to replace it, or choose another --output folder", again.Error.Trim());
        Assert.Equal("an earlier run's checkpoint", File.ReadAllText(Path.Combine(run, "last.ckpt")));
    }

    [Fact]
    public void IdxImagesOfTheWrongSizeAreRefusedBeforeTheUntrainedEvaluation()
    {
        string data = Path.Combine(_work, "data");
        Directory.CreateDirectory(data);
        var bytes = new byte[16 + 2 * 32 * 32];
        bytes[2] = 8; bytes[3] = 3; bytes[7] = 2; bytes[11] = 32; bytes[15] = 32; // magic 0x803, 2 images of 32×32
        File.WriteAllBytes(Path.Combine(data, "train-images-idx3-ubyte"), bytes);

        var (code, output, error) = ExampleProcess.Run("FashionMnist", _work, "--data", data, "--output", "run");

        Assert.Equal(1, code);
        Assert.Equal($"error: {Path.Combine(data, "train-images-idx3-ubyte")}: holds 32×32 grayscale images, but the model's samples are [1, 28, 28]; use images of that size (or declare [GanData(1, 32, 32)])", error.Trim());
        Assert.DoesNotContain("untrained generator", output);
    }
}
