using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GanGen;
using GanGen.Examples.Models;
using GanGen.Runtime.Data;
using GanGen.Runtime.Quality;
using TorchSharp;
using static TorchSharp.torch;

// Trains the Fashion-MNIST classifier behind GanGen's quality figures, reproducibly:
//   dotnet run -c Release --project examples/GanGen.Examples.TrainClassifier -- [data folder] [output file] [epochs] [seed]
// Arguments follow the examples' policy: a bad one is one "error:" line and exit code 2, a bad file exit code 1.
const string Usage = "arguments: [data folder] [output file] [epochs] [seed]";
if (args.Length > 4) return CommandLineErrors.Usage($"expected at most 4 arguments, got {args.Length}; {Usage}");
string data = args.Length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist";
string output = args.Length > 1 ? args[1] : Path.Combine("data", "models", "fashion-classifier.ggck");
if (!int.TryParse(args.Length > 2 ? args[2] : "2", NumberStyles.None, CultureInfo.InvariantCulture, out int epochs) || epochs < 1 || epochs > 1000)
    return CommandLineErrors.Usage($"epochs (the third argument) must be a whole number between 1 and 1000; got '{args[2]}'");
if (!long.TryParse(args.Length > 3 ? args[3] : "1", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed))
    return CommandLineErrors.Usage($"seed (the fourth argument) must be a whole number; got '{args[3]}'");
if (OptionChecks.First(
        OptionChecks.ExistingFolder("the data folder (first argument)", data, "Fashion-MNIST's train-* and t10k-* IDX files"),
        OptionChecks.OutputFolder("the output file's folder (second argument)", Path.GetDirectoryName(Path.GetFullPath(output))!)) is { } problem)
    return CommandLineErrors.Usage(problem);
return CommandLineErrors.Run(() => Train(data, output, epochs, seed));

static int Train(string data, string output, int epochs, long seed)
{
    const int batchSize = 128;
    set_num_threads(Math.Max(1, Environment.ProcessorCount));
    manual_seed(seed);
    var (trainImages, trainLabels) = IdxReader.ReadPair(Path.Combine(data, "train-images-idx3-ubyte.gz"), Path.Combine(data, "train-labels-idx1-ubyte.gz"), DataRange.MinusOneToOne);
    var (testImages, testLabels) = IdxReader.ReadPair(Path.Combine(data, "t10k-images-idx3-ubyte.gz"), Path.Combine(data, "t10k-labels-idx1-ubyte.gz"), DataRange.MinusOneToOne);
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
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    classifier.SaveWeights(output);
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
