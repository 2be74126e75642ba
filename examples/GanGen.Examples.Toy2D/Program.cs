using System;
using GanGen.Examples.Toy2D;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

using var data = GaussianMixture2D.Ring(seed: 1);
using var gan = new RingGan(seed: 1);
for (int step = 1; step <= 2000; step++)
{
    using var scope = NewDisposeScope();
    var m = gan.TrainStep(data.Sample(256));
    if (step % 200 == 0)
    {
        using var samples = gan.Sample(2500);
        Console.WriteLine($"{m} | {data.Measure(samples)}");
    }
}
