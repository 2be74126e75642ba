using System;
using System.IO;
using GanGen.Tests.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;

namespace GanGen.Tests.Examples;

/// <summary>
/// The main example as a user runs it (README command 1, shortened): here on a folder of the user's own PNG images,
/// and with a data folder that holds nothing usable.
/// </summary>
public sealed class FashionExampleTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gangen-fashion-" + Guid.NewGuid().ToString("N")[..8]);

    public FashionExampleTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_work);
    }

    [Fact]
    public void TrainsOnAFolderOfImagesAndWritesItsOutputs()
    {
        string images = Path.Combine(_work, "images"), run = Path.Combine(_work, "run");
        Directory.CreateDirectory(images);
        for (int i = 0; i < 24; i++) SaveGradient(Path.Combine(images, $"shirt-{i:D2}.png"), 40, 32, i);

        var result = Example($"--data \"{images}\" --output \"{run}\" --steps 4 --batch-size 8 --sample-every 2 --checkpoint-every 2 --evaluate-every 0 --evaluation-samples 20 --seed 3");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("24 images from the PNG/JPEG images in", result.Output);
        Assert.Contains("final: FID", result.Output);
        Assert.True(File.Exists(Path.Combine(run, "last.ckpt")), "no checkpoint");
        Assert.True(File.Exists(Path.Combine(run, "samples", "step-0000004.png")), "no sample grid for the last step");
        var metrics = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        Assert.Equal("step,loss_d,loss_g,real_score,fake_score", metrics[0]);
        Assert.StartsWith("4,", metrics[^1]); // the final step's losses and scores
        Assert.Equal(5, metrics[^1].Split(',').Length);
    }

    /// <summary>The conditional GAN on class sub-folders of images: labels from the folder names, quality by class, classes.png.</summary>
    [Fact]
    public void ConditionalGanTrainsOnClassFoldersAndReportsQualityByClass()
    {
        string images = Path.Combine(_work, "classes"), run = Path.Combine(_work, "conditional");
        for (int c = 0; c < 10; c++)
        {
            string folder = Path.Combine(images, $"class-{c}");
            Directory.CreateDirectory(folder);
            for (int i = 0; i < 2; i++) SaveGradient(Path.Combine(folder, $"{i}.png"), 28, 28, 10 * c + i);
        }

        var result = Example($"--gan conditional --data \"{images}\" --output \"{run}\" --steps 3 --batch-size 10 --sample-every 3 --evaluate-every 0 --evaluation-samples 20 --seed 3");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("20 labelled images from the class sub-folders of", result.Output);
        Assert.Contains("final: conditional accuracy", result.Output);
        Assert.Contains("class FID mean", result.Output);
        Assert.True(File.Exists(Path.Combine(run, "classes.png")), "no per-class grid");
        Assert.True(File.Exists(Path.Combine(run, "samples", "step-0000003.png")), "no sample grid");
    }

    /// <summary>The refiner on the embedded data: half rendered, half real; FID of refined held-out renderings; pairs.png.</summary>
    [Fact]
    public void RefinerRefinesRenderingsAndReportsHowFarTheyMoved()
    {
        string run = Path.Combine(_work, "refiner");

        var result = Example($"--gan refiner --output \"{run}\" --steps 3 --batch-size 8 --sample-every 3 --evaluate-every 0 --evaluation-samples 50 --seed 3");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("5,000 rendered and 5,000 real images", result.Output);
        Assert.Contains("the held-out renderings themselves: FID", result.Output);
        Assert.Contains("mean |refined − source|", result.Output);
        Assert.True(File.Exists(Path.Combine(run, "pairs.png")), "no source/refined pairs picture");
    }

    /// <summary>The residual and attention architectures train through the same example, each measured as its family is.</summary>
    [Theory]
    [InlineData("resnet", "final: FID", "Up1 (UpBlock")]
    [InlineData("attention", "final: FID", "Attention (SelfAttention 64")]
    [InlineData("conditionalresnet", "final: conditional accuracy", "Up2 (ClassUpBlock")]
    [InlineData("residualrefiner", "mean |refined − source|", "Block4 (RefinerBlock")]
    public void ResidualAndAttentionGansTrainAndReportTheirFigures(string gan, string figure, string layer)
    {
        string run = Path.Combine(_work, gan);

        var result = Example($"--gan {gan} --output \"{run}\" --steps 2 --batch-size 8 --sample-every 2 --evaluate-every 0 --evaluation-samples 20 --seed 3");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(layer, result.Output);
        Assert.Contains(figure, result.Output);
        Assert.True(File.Exists(Path.Combine(run, "last.ckpt")), "no checkpoint");
    }

    [Fact]
    public void AFolderWithoutDataIsOneErrorLine()
    {
        string empty = Path.Combine(_work, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "not data");

        var result = Example($"--data \"{empty}\" --steps 1 --output \"{Path.Combine(_work, "run")}\"");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: '{empty}' has neither Fashion-MNIST IDX files", result.Output);
        Assert.DoesNotContain("   at ", result.Output); // no stack trace
    }

    [Fact]
    public void AnUnavailableDeviceNamesTheBackendToReference()
    {
        var result = Example($"--device cuda --steps 1 --output \"{Path.Combine(_work, "run")}\"");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: --device cuda: CUDA is not available here.", result.Output);
        Assert.Contains("TorchSharp-cuda-linux", result.Output);
    }

    private (int ExitCode, string Output) Example(string arguments)
    {
        string dll = Path.Combine(DotnetCommand.RepositoryRoot(), "examples", "GanGen.Examples.FashionMnist", "bin", DotnetCommand.Configuration, "net10.0", "GanGen.Examples.FashionMnist.dll");
        Assert.True(File.Exists(dll), $"The example is not built at {dll}; build the solution first.");
        return DotnetCommand.Run(_work, $"\"{dll}\" {arguments}", _output, timeoutMinutes: 5);
    }

    private static void SaveGradient(string path, int width, int height, int shift)
    {
        using var bitmap = new SKBitmap(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)((x * 6 + shift * 9) % 256), (byte)(y * 7 % 256), 128));
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
