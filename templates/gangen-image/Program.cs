using GanGen.Runtime.Data;
using GanGen.Runtime.Training;
using GanGenImage;

// dotnet run -- <folder of PNG/JPEG images> [steps]
// Images are centre-cropped and resized to 28×28 grayscale. Writes to runs/GanGenImage: sample grids, metrics.csv,
// checkpoints, weights.safetensors, generator.onnx (ONNX Runtime) and pytorch/ (the PyTorch twin for torchrun).
if (args.Length is < 1 or > 2 || (args.Length == 2 && !long.TryParse(args[1], out _)))
{
    Console.Error.WriteLine("usage: dotnet run -- <image folder> [steps]");
    return 2;
}
long steps = args.Length == 2 ? long.Parse(args[1]) : 2000;
string output = Path.Combine("runs", "GanGenImage");

try
{
    using var images = ImageFolderReader.Read(args[0], new long[] { 1, 28, 28 });
    using var batches = new ShuffledBatches(images, batchSize: (int)Math.Min(64, images.size(0)), seed: 1);
    using var gan = new ImageGan(seed: 1);
    Console.WriteLine(ImageGan.Summary());
    TrainingRun.Fit(gan, step => batches.ForStep(step), new TrainingRunOptions(steps, output, LogEvery: 50, SampleEvery: 250));

    gan.SaveWeights(Path.Combine(output, "weights.safetensors"));
    gan.ExportOnnx(Path.Combine(output, "generator.onnx"));
    gan.WritePyTorchTwin(Path.Combine(output, "pytorch"));
    Console.WriteLine($"trained {gan.StepCount} steps; weights, generator.onnx and the PyTorch twin are in {output}");
    return 0;
}
catch (Exception exception) when (exception is IOException or InvalidDataException or ArgumentException)
{
    Console.Error.WriteLine("error: " + exception.Message);
    return 1;
}
