using System;
using System.IO;
using GanGen.Examples.Models;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Checkpoints;

/// <summary>
/// A real checkpoint with bytes flipped or cut at many offsets: every modified file is refused with an
/// InvalidDataException naming it — never another exception type, never a successful load.
/// </summary>
public sealed class CheckpointFuzzTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-fuzz-" + Guid.NewGuid().ToString("N"));

    public CheckpointFuzzTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EveryFlippedOrTruncatedCheckpointIsRefusedByName()
    {
        string original = Path.Combine(_folder, "original.ckpt");
        using var gan = new RingGan(seed: 4);
        using (var real = randn(32, 2))
        {
            for (int i = 0; i < 6; i++) gan.Step(real);
        }
        gan.SaveCheckpoint(original);
        var bytes = File.ReadAllBytes(original);
        gan.LoadCheckpoint(original); // the unmodified file loads

        var random = new Random(12);
        int cases = 0;
        string damaged = Path.Combine(_folder, "damaged.ckpt");
        foreach (int offset in Offsets(bytes.Length, random))
        {
            var flipped = (byte[])bytes.Clone();
            flipped[offset] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(damaged, flipped);
            AssertRefused(gan, damaged, $"bit flipped at byte {offset}");

            File.WriteAllBytes(damaged, bytes.AsSpan(0, offset).ToArray());
            AssertRefused(gan, damaged, $"truncated to {offset} bytes");
            cases += 2;
        }
        File.WriteAllBytes(damaged, [.. bytes, 0]);
        AssertRefused(gan, damaged, "one byte appended");
        _output.WriteLine($"{cases + 1} modified checkpoints of {bytes.Length} bytes, all refused by name");
    }

    /// <summary>Every byte of the header and of the first and last 256, and 300 random offsets in between.</summary>
    private static int[] Offsets(int length, Random random)
    {
        var offsets = new System.Collections.Generic.SortedSet<int>();
        for (int i = 0; i < 256; i++)
        {
            offsets.Add(i);
            offsets.Add(length - 1 - i);
        }
        for (int i = 0; i < 300; i++) offsets.Add(random.Next(length));
        return [.. offsets];
    }

    private static void AssertRefused(RingGan gan, string path, string modification)
    {
        Exception? error = Record.Exception(() => gan.LoadCheckpoint(path));
        Assert.True(error is InvalidDataException, $"{modification}: expected InvalidDataException, got {(error is null ? "a successful load" : error.GetType().Name + ": " + error.Message)}");
        Assert.Contains("damaged.ckpt", error!.Message);
    }
}
