using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using GanGen;
using GanGen.Examples.Models;
using GanGen.Runtime.Data;
using GanGen.Runtime.Quality;
using GanGen.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

// Trains the Fashion-MNIST classifier behind GanGen's quality figures, reproducibly:
//   dotnet run -c Release --project examples/GanGen.Examples.TrainClassifier -- [data folder] [output file] [epochs] [seed] [--overwrite]
// Arguments follow the examples' policy: a bad one is one "error:" line and exit code 2, a bad file exit code 1. The
// output file's folder follows the output-folder policy of every GanGen program (OutputFolder): the program writes only
// that file, lists it in the folder's .gangen-outputs, and replaces an earlier one only with --overwrite.
const string Usage = "arguments: [data folder] [output file] [epochs] [seed] [--overwrite]";
bool overwrite = args.Contains("--overwrite");
string[] positional = args.Where(a => a != "--overwrite").ToArray();
if (positional.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
    return CommandLineErrors.Usage($"unknown option '{unknown}'; {Usage}");
if (positional.Length > 4) return CommandLineErrors.Usage($"expected at most 4 arguments, got {positional.Length}; {Usage}");
string data = positional.Length > 0 ? positional[0] : "/usr/share/datasets/fashion-mnist";
string output = positional.Length > 1 ? positional[1] : Path.Combine("runs", "fashion-classifier", "fashion-classifier.ggck");
if (!int.TryParse(positional.Length > 2 ? positional[2] : "2", NumberStyles.None, CultureInfo.InvariantCulture, out int epochs) || epochs < 1 || epochs > 1000)
    return CommandLineErrors.Usage($"epochs (the third argument) must be a whole number between 1 and 1000; got '{positional[2]}'");
if (!long.TryParse(positional.Length > 3 ? positional[3] : "1", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed))
    return CommandLineErrors.Usage($"seed (the fourth argument) must be a whole number; got '{positional[3]}'");
if (OptionChecks.First(
        OptionChecks.ExistingFolder("the data folder (first argument)", data, "Fashion-MNIST's train-* and t10k-* IDX files"),
        string.IsNullOrWhiteSpace(output) || output.EndsWith('/') || Directory.Exists(output) ? $"the output file (second argument) must name a file; got '{output}'" : null,
        OptionChecks.OutputFolder("the output file's folder (second argument)", OutputFolderOf(output))) is { } problem)
    return CommandLineErrors.Usage(problem);
return CommandLineErrors.Run(() => Train(data, output, epochs, seed, overwrite ? RunStart.Overwrite : RunStart.New));

static string OutputFolderOf(string file) => Path.GetDirectoryName(Path.GetFullPath(file))!;

static (string Images, string Labels) Split(string folder, string split)
{
    string Find(string kind) => FashionMnistFiles.Find(folder, split, kind)
        ?? throw new FileNotFoundException($"'{folder}' has no {FashionMnistFiles.Name(split, kind)}[.gz]; the classifier trains on train-* and is measured on t10k-* images and labels.");
    return (Find(FashionMnistFiles.Images), Find(FashionMnistFiles.Labels));
}

static int Train(string data, string output, int epochs, long seed, RunStart folderStart)
{
    const int batchSize = 128;
    string[] outputs = [Path.GetFileName(output)];
    // Everything is checked before the data is read and before anything is written.
    OutputFolder.Check(OutputFolderOf(output), folderStart, outputs);
    var train = Split(data, FashionMnistFiles.Train);
    var test = Split(data, FashionMnistFiles.Test);
    set_num_threads(Math.Max(1, Environment.ProcessorCount));
    manual_seed(seed);
    var (trainImages, trainLabels) = IdxReader.ReadPair(train.Images, train.Labels, DataRange.MinusOneToOne);
    var (testImages, testLabels) = IdxReader.ReadPair(test.Images, test.Labels, DataRange.MinusOneToOne);
    using var classifier = new FashionClassifier();
    using var optimizer = optim.Adam(classifier.parameters(), 1e-3);
    var clock = Stopwatch.StartNew();
    long count = trainImages.size(0);
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        classifier.train();
        using var order = randperm(count, generator: new Generator((ulong)(seed * 1000 + epoch)));
        for (long start = 0; start + batchSize <= count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var indices = order.narrow(0, start, batchSize);
            var loss = nn.functional.cross_entropy(classifier.forward(trainImages.index_select(0, indices)), trainLabels.index_select(0, indices));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        Console.WriteLine($"epoch {epoch + 1}/{epochs} done after {clock.Elapsed.TotalSeconds:F0} s; test accuracy {Accuracy(classifier, testImages, testLabels):P2}");
    }
    var folder = OutputFolder.Open(OutputFolderOf(output), folderStart, outputs);
    classifier.SaveWeights(folder.Output(outputs[0]));
    Console.WriteLine($"wrote {output} (seed {seed}, {epochs} epochs, batch {batchSize}, Adam 1e-3, {clock.Elapsed.TotalSeconds:F0} s)");
    return 0;
}

static double Accuracy(FashionClassifier model, Tensor images, Tensor labels)
{
    using var scope = NewDisposeScope();
    using var _ = no_grad();
    model.eval();
    long correct = 0;
    for (long start = 0; start < images.size(0); start += 1000)
    {
        long n = Math.Min(1000, images.size(0) - start);
        var predictions = model.forward(images.narrow(0, start, n)).argmax(1);
        correct += predictions.eq(labels.narrow(0, start, n)).sum().item<long>();
    }
    return (double)correct / images.size(0);
}
