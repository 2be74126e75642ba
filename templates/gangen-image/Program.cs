using System.Globalization;
using GanGen.Runtime;
using GanGen.Runtime.Data;
using GanGen.Runtime.Training;
using GanGenImage;

// dotnet run -- <folder of PNG/JPEG images> [steps] [--output folder] [--overwrite]
// Images are centre-cropped and resized to 28×28 grayscale. Writes to runs/GanGenImage: sample grids, metrics.csv,
// checkpoints, weights.safetensors, generator.onnx (ONNX Runtime) and pytorch/ (the PyTorch twin for torchrun). Like
// every GanGen program, it lists what it writes in the folder's .gangen-outputs, refuses a folder holding an earlier
// run's outputs or other files unless --overwrite, and --overwrite deletes exactly the listed files. A bad argument is
// one "error:" line and exit code 2; a file, image or folder that cannot be used exit code 1.
const string Usage = "usage: dotnet run -- <image folder> [steps] [--output folder] [--overwrite]";
var positional = new List<string>();
string output = Path.Combine("runs", "GanGenImage");
bool overwrite = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--overwrite") overwrite = true;
    else if (args[i] == "--output" && i + 1 < args.Length) output = args[++i];
    else if (args[i].StartsWith("--", StringComparison.Ordinal)) return UserErrors.Report($"unknown option '{args[i]}' (or one without its value); {Usage}", UserErrors.UsageExitCode);
    else positional.Add(args[i]);
}
if (positional.Count is < 1 or > 2) return UserErrors.Report($"expected an image folder and optionally the steps, got {positional.Count} arguments; {Usage}", UserErrors.UsageExitCode);
long steps = 2000;
if (positional.Count == 2 && !(long.TryParse(positional[1], NumberStyles.None, CultureInfo.InvariantCulture, out steps) && steps is >= 1 and <= 100_000_000))
    return UserErrors.Report($"steps must be a whole number between 1 and 100000000; got '{positional[1]}'", UserErrors.UsageExitCode);
string images = positional[0];
if (!Directory.Exists(images)) return UserErrors.Report($"the image folder '{images}' {(File.Exists(images) ? "is a file" : "does not exist")}; {Usage}", UserErrors.UsageExitCode);
if (string.IsNullOrWhiteSpace(output) || File.Exists(output)) return UserErrors.Report($"--output must name a folder; got '{output}'", UserErrors.UsageExitCode);

// The files written after training, recorded in the run folder's manifest with the run's own.
string[] twin = ["model.py", "__init__.py", "gangen_twin.py", "train.py", "README.md", "weights.safetensors"];
var options = new TrainingRunOptions(steps, output, LogEvery: 50, SampleEvery: 250, Start: overwrite ? RunStart.Overwrite : RunStart.New,
    OtherOutputs: ["weights.safetensors", "generator.onnx", .. twin.Select(name => "pytorch/" + name)]);
try
{
    TrainingRun.CheckOutputFolder(options); // before the images are read
    using var data = ImageFolderReader.Read(images, new long[] { 1, 28, 28 });
    using var batches = new ShuffledBatches(data, batchSize: (int)Math.Min(64, data.size(0)), seed: 1);
    using var gan = new ImageGan(seed: 1);
    Console.WriteLine(ImageGan.Summary());
    TrainingRun.Fit(gan, step => batches.ForStep(step), options);

    gan.SaveWeights(Path.Combine(output, "weights.safetensors"));
    gan.ExportOnnx(Path.Combine(output, "generator.onnx"));
    gan.WritePyTorchTwin(Path.Combine(output, "pytorch"));
    Console.WriteLine($"trained {gan.StepCount} steps; weights, generator.onnx and the PyTorch twin are in {output}");
    return 0;
}
catch (Exception exception) when (UserErrors.TryDescribe(exception, out string problem, out int exitCode))
{
    return UserErrors.Report(problem, exitCode); // one "error:" line; anything else is a bug and keeps its trace
}
