using System;
using System.CommandLine;
using GanGen.Examples.OnnxServing;

// Serves samples of a generator GanGen exported with ExportOnnx, using ONNX Runtime alone:
//   generate: writes a batch of samples (raw values, JSON, PNGs) to a folder and exits
//   serve:    a minimal web endpoint returning samples per request
// Counts, seeds and labels are read as text and checked by SampleRequest against the model, so the command line
// and the server refuse the same requests with the same words.
var model = new Option<string>("--model") { Description = "The generator exported by GanGen's ExportOnnx (.onnx)", Required = true };
var count = new Option<string?>("--count") { Description = $"Samples to generate: 1 to {SampleLimits.MaxGeneratedCount} (fewer for a model whose samples would pass {SampleLimits.MaxBytes / (1024 * 1024)} MiB); default {SampleRequest.DefaultCount}, or one per label" };
var seed = new Option<string?>("--seed") { Description = "Seed of the noise, 0 or more: the same seed gives the same samples (default 0)" };
var labels = new Option<string?>("--labels") { Description = "Comma-separated class per sample, for a conditional generator (default 0, 1, 2, …)" };
var output = new Option<string>("--output") { Description = "Folder for the samples: new, empty, or written by an earlier generate", DefaultValueFactory = _ => "samples" };
var urls = new Option<string>("--urls") { Description = "Where to listen: http://host:port (several separated by ';')", DefaultValueFactory = _ => "http://127.0.0.1:5000" };

var generate = new Command("generate", "Writes samples to a folder: noise.f32 and samples.f32 (raw float32), samples.json, and PNGs or a CSV") { model, count, seed, labels, output };
generate.SetAction(result => CommandLine.Run(() =>
{
    string folder = result.GetValue(output)!;
    OutputFolder.Check(folder);
    using var generator = GeneratorModel.Load(result.GetValue(model)!);
    var request = SampleRequest.Parse(generator, result.GetValue(count), result.GetValue(seed), result.GetValue(labels), SampleLimits.MaxGeneratedCount, "--");
    var samples = generator.Generate(request);
    OutputFolder.RemoveEarlierSamples(folder);
    var written = SampleFiles.Write(samples, folder, generator.Gan);
    Console.WriteLine($"wrote {samples.Count} samples of shape [{string.Join(", ", generator.SampleShape)}] from {generator.Gan} to {folder} ({written.Count} files)");
}));

var serve = new Command("serve", "Serves GET / (the model), /samples?count=&seed=&labels= (JSON) and /samples.png (a grid of images)") { model, urls };
serve.SetAction(result => CommandLine.Run(() =>
{
    var addresses = ListenAddresses.Parse(result.GetValue(urls)!);
    using var generator = GeneratorModel.Load(result.GetValue(model)!);
    var app = SampleServer.Build(generator, addresses);
    app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"serving {generator.Gan} on {string.Join(", ", app.Urls)}"));
    app.Run();
}));

return CommandLine.Invoke(new RootCommand("Serves samples of a GanGen generator from its ONNX export with ONNX Runtime only.") { generate, serve }, args);
