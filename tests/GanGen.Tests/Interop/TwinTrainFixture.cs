using System;
using System.Collections.Generic;
using System.IO;
using GanGen.Runtime.Interop;
using GanGen.Runtime.Interop.PyTorch;
using GanGen.Tests.Interop.Twin;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop;

/// <summary>
/// A 3-class conditional GAN's twin (samples [3], labels 0 to 2) and the files a hostile user hands its train.py:
/// a good dataset and one bad one per way a data file can be wrong, written once per test class.
/// </summary>
public sealed class TwinTrainFixture : IDisposable
{
    public TwinTrainFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"gangen-twin-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        using (var gan = new ProjectionOracleGan(seed: 1)) gan.WritePyTorchTwin(Twin);
        using (var gan = new GanGen.Examples.Models.RingGan(seed: 1)) gan.SaveWeights(PathOf("ring-weights.safetensors"));
        using var data = randn(64, 3);
        using var labels = randint(0, 3, new long[] { 64 });
        PyTorchTwin.WriteDataset(PathOf("good.safetensors"), data, labels);
        File.WriteAllText(PathOf("notes.txt"), "the user's own notes");
        Directory.CreateDirectory(PathOf("a-folder"));

        using var nan = data.clone();
        using (var first = nan.narrow(0, 5, 1)) first.fill_(float.NaN);
        Bits("nan.safetensors", ("data", nan), ("labels", labels));
        using var doubles = data.to_type(ScalarType.Float64);
        Bits("float64.safetensors", ("data", doubles), ("labels", labels));
        using var wide = randn(64, 4);
        Bits("wide.safetensors", ("data", wide), ("labels", labels));
        using var none = empty(0, 3);
        using var noLabels = empty(0, dtype: ScalarType.Int64);
        Bits("empty.safetensors", ("data", none), ("labels", noLabels));
        Bits("unlabelled.safetensors", ("data", data));
        using var outside = labels.clone();
        using (var first = outside.narrow(0, 7, 1)) first.fill_(3);
        Bits("label-3.safetensors", ("data", data), ("labels", outside));
        using var negative = labels.clone();
        using (var first = negative.narrow(0, 0, 1)) first.fill_(-1);
        Bits("label-minus-1.safetensors", ("data", data), ("labels", negative));
        using var int32 = labels.to_type(ScalarType.Int32);
        Bits("int32-labels.safetensors", ("data", data), ("labels", int32));
        Bits("typo.safetensors", ("data", data), ("label", labels));

        byte[] good = File.ReadAllBytes(PathOf("good.safetensors"));
        File.WriteAllBytes(PathOf("truncated.safetensors"), good[..(good.Length - 10)]);
        File.WriteAllText(PathOf("text.safetensors"), "data,labels\n1,2\n");
        byte[] badJson = (byte[])good.Clone();
        badJson[9] = (byte)'!';
        File.WriteAllBytes(PathOf("bad-json.safetensors"), badJson);

        PoisonedWeights.Write(Path.Combine(Twin, PyTorchTwin.WeightsFile), PathOf("infinite-weights.safetensors"), "generator.Output.weight", 2, float.PositiveInfinity);
    }

    /// <summary>The folder holding the twin and the files.</summary>
    public string Folder { get; }

    /// <summary>The twin's folder.</summary>
    public string Twin => PathOf("twin");

    /// <summary>A path in <see cref="Folder"/>.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private void Bits(string name, params (string Name, Tensor Tensor)[] tensors)
    {
        var named = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, tensor) in tensors) named[key] = tensor;
        SafeTensors.WriteBits(PathOf(name), named);
    }
}
