using System;
using System.CommandLine;
using System.IO;
using GanGen.Examples.OnnxServing;

// Serves samples of a generator GanGen exported with ExportOnnx, using ONNX Runtime alone:
//   generate: writes a batch of samples (raw values, JSON, PNGs) to a folder and exits
//   serve:    a minimal web endpoint returning samples per request
var model = new Option<string>("--model") { Description = "The generator exported by GanGen's ExportOnnx (.onnx)", Required = true };
var count = new Option<int>("--count") { Description = "Samples to generate", DefaultValueFactory = _ => 16 };
var seed = new Option<int>("--seed") { Description = "Seed of the noise: the same seed gives the same samples", DefaultValueFactory = _ => 0 };
var labels = new Option<string?>("--labels") { Description = "Comma-separated class per sample, for a conditional generator (default 0, 1, 2, …)" };
var output = new Option<string>("--output") { Description = "Folder for the samples", DefaultValueFactory = _ => "samples" };
var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5000" };

var generate = new Command("generate", "Writes samples to a folder: noise.f32 and samples.f32 (raw float32), samples.json, and PNGs or a CSV") { model, count, seed, labels, output };
generate.SetAction(result => Run(() =>
{
    using var generator = GeneratorModel.Load(result.GetValue(model)!);
    var labelText = result.GetValue(labels);
    var samples = generator.Generate(result.GetValue(count), result.GetValue(seed), labelText is null ? null : SampleServer.Labels(labelText));
    var written = SampleFiles.Write(samples, result.GetValue(output)!, generator.Gan);
    Console.WriteLine($"wrote {samples.Count} samples of shape [{string.Join(", ", generator.SampleShape)}] from {generator.Gan} to {result.GetValue(output)} ({written.Count} files)");
}));

var serve = new Command("serve", "Serves GET / (the model), /samples?count=&seed=&labels= (JSON) and /samples.png (a grid of images)") { model, urls };
serve.SetAction(result => Run(() =>
{
    using var generator = GeneratorModel.Load(result.GetValue(model)!);
    var app = SampleServer.Build(generator, result.GetValue(urls)!);
    app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"serving {generator.Gan} on {string.Join(", ", app.Urls)}"));
    app.Run();
}));

return new RootCommand("Serves samples of a GanGen generator from its ONNX export with ONNX Runtime only.") { generate, serve }.Parse(args).Invoke();

// One "error:" line and exit code 1 for a missing, unreadable or unsuitable model or a bad argument.
static int Run(Action action)
{
    try
    {
        action();
        return 0;
    }
    catch (Exception exception) when (exception is IOException or InvalidDataException or ArgumentException or FormatException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine("error: " + exception.Message);
        return 1;
    }
}
