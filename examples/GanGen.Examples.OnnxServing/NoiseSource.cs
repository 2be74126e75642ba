using System;

namespace GanGen.Examples.OnnxServing;

/// <summary>Noise for the generator from a seed: N(0, 1) by the Box–Muller transform, or U(−1, 1).</summary>
public static class NoiseSource
{
    /// <summary><paramref name="count"/> values drawn from <see cref="Random"/> seeded with <paramref name="seed"/>: the same seed, the same noise.</summary>
    public static float[] Draw(int count, int seed, bool uniform)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i += 2)
        {
            if (uniform)
            {
                values[i] = (float)(random.NextDouble() * 2 - 1);
                if (i + 1 < count) values[i + 1] = (float)(random.NextDouble() * 2 - 1);
                continue;
            }
            // 1 − U avoids log(0).
            double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())), angle = 2 * Math.PI * random.NextDouble();
            values[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < count) values[i + 1] = (float)(radius * Math.Sin(angle));
        }
        return values;
    }
}
