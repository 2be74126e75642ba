using GanGen.Runtime.Data;
using GanGen2D;

// dotnet run -- [steps]
// Trains on the 8-Gaussian ring (the standard mode-collapse benchmark) and reports how many modes the samples cover.
if (args.Length > 1 || (args.Length == 1 && !int.TryParse(args[0], out _)))
{
    Console.Error.WriteLine("usage: dotnet run -- [steps]");
    return 2;
}
int steps = args.Length == 1 ? int.Parse(args[0]) : 10_000;

using var data = GaussianMixture2D.Ring(seed: 1);
using var gan = new PointGan(seed: 1);
Console.WriteLine(PointGan.Summary());
for (int step = 0; step < steps; step++)
{
    gan.DecayLearningRatesLinearly(steps);
    using var batch = data.Sample(256);
    gan.Step(batch);
    if ((step + 1) % 1000 == 0 || step + 1 == steps) Console.WriteLine(gan.ReadMetrics());
}
using var samples = gan.Sample(2500);
Console.WriteLine($"Mode coverage: {data.Measure(samples)}");
gan.SaveWeights("weights.safetensors");
gan.ExportOnnx("generator.onnx");
return 0;
