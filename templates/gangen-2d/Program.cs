using System.Globalization;
using GanGen.Runtime;
using GanGen.Runtime.Data;
using GanGen.Runtime.Training;
using GanGen2D;

// dotnet run -- [steps] [--output folder] [--overwrite]
// Trains on the 8-Gaussian ring (the standard mode-collapse benchmark), reports how many modes the samples cover and
// writes weights.safetensors and generator.onnx to runs/GanGen2D. Like every GanGen program, it lists what it writes in
// the folder's .gangen-outputs, refuses a folder holding an earlier run's outputs or other files unless --overwrite,
// and --overwrite deletes exactly the listed files. A bad argument is one "error:" line and exit code 2; a file or
// folder that cannot be used exit code 1.
const string Usage = "usage: dotnet run -- [steps] [--output folder] [--overwrite]";
long? steps = null;
string output = Path.Combine("runs", "GanGen2D");
bool overwrite = false;
for (int i = 0; i < args.Length; i++)
{
    string argument = args[i];
    if (argument == "--overwrite") overwrite = true;
    else if (argument == "--output" && i + 1 < args.Length) output = args[++i];
    else if (argument.StartsWith('-') && !long.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        return UserErrors.Report($"unknown option '{argument}' (or one without its value); {Usage}", UserErrors.UsageExitCode);
    else if (steps is not null) return UserErrors.Report($"unexpected argument '{argument}': the steps are given once; {Usage}", UserErrors.UsageExitCode);
    else if (long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out long count) && count is >= 1 and <= 100_000_000) steps = count;
    else return UserErrors.Report($"steps must be a whole number between 1 and 100000000; got '{argument}'", UserErrors.UsageExitCode);
}
if (string.IsNullOrWhiteSpace(output) || File.Exists(output)) return UserErrors.Report($"--output must name a folder; got '{output}'", UserErrors.UsageExitCode);

string[] outputs = ["weights.safetensors", "generator.onnx"];
var start = overwrite ? RunStart.Overwrite : RunStart.New;
try
{
    OutputFolder.Check(output, start, outputs); // before anything is allocated
    using var data = GaussianMixture2D.Ring(seed: 1);
    using var gan = new PointGan(seed: 1);
    Console.WriteLine(PointGan.Summary());
    long total = steps ?? 10_000;
    for (long step = 0; step < total; step++)
    {
        gan.DecayLearningRatesLinearly(total);
        using var batch = data.Sample(256);
        gan.Step(batch);
        if ((step + 1) % 1000 == 0 || step + 1 == total) Console.WriteLine(gan.ReadMetrics());
    }
    using var samples = gan.Sample(2500);
    Console.WriteLine($"Mode coverage: {data.Measure(samples)}");
    var folder = OutputFolder.Open(output, start, outputs);
    gan.SaveWeights(folder.Output(outputs[0]));
    gan.ExportOnnx(folder.Output(outputs[1]));
    Console.WriteLine($"weights.safetensors and generator.onnx are in {folder.Path}");
    return 0;
}
catch (Exception exception) when (UserErrors.TryDescribe(exception, out string problem, out int exitCode))
{
    return UserErrors.Report(problem, exitCode); // one "error:" line; anything else is a bug and keeps its trace
}
