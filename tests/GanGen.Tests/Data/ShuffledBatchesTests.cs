using System;
using System.Collections.Generic;
using System.Linq;
using GanGen.Runtime;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

namespace GanGen.Tests.Data;

public sealed class ShuffledBatchesTests
{
    [Fact]
    public void EachEpochVisitsEverySampleOnceAndDropsTheRemainder()
    {
        using var batches = new ShuffledBatches(arange(10).to(float32), batchSize: 3, seed: 1);
        Assert.Equal(3, batches.BatchesPerEpoch);
        var epoch = new List<float>();
        for (int step = 0; step < 3; step++)
        {
            using var batch = batches.ForStep(step);
            Assert.Equal(3, batch.size(0));
            epoch.AddRange(batch.data<float>().ToArray());
        }
        Assert.Equal(9, epoch.Distinct().Count()); // one sample of ten is dropped, none repeats
    }

    [Fact]
    public void OrderIsAFunctionOfSeedAndStep()
    {
        using var a = new ShuffledBatches(arange(100).to(float32), 10, seed: 4);
        using var b = new ShuffledBatches(arange(100).to(float32), 10, seed: 4);
        using var c = new ShuffledBatches(arange(100).to(float32), 10, seed: 5);
        float[] Take(ShuffledBatches s, long step) { using var t = s.ForStep(step); return t.data<float>().ToArray(); }
        Assert.Equal(Take(a, 13), Take(b, 13));     // random access: resuming at step 13 sees the same batch
        Assert.NotEqual(Take(a, 3), Take(a, 13));   // a new epoch, a new order
        Assert.NotEqual(Take(a, 13), Take(c, 13));
    }

    [Fact]
    public void TooSmallDatasetIsRejected()
    {
        using var five = zeros(5);
        var error = Assert.Throws<GanInputException>(() => new ShuffledBatches(five, 8, 1));
        Assert.Equal("batchSize: is 8; the dataset has 5 samples, so a batch holds 1 to 5", error.Message);
    }
}
