using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Networks;

/// <summary>Layers that let a discriminator see statistics of its whole batch, a counter to mode collapse.</summary>
public static class BatchStatistics
{
    /// <summary>
    /// Minibatch standard deviation (Karras et al. 2018, §3): for each group of <paramref name="group"/> samples
    /// (sample i joins group i mod N/group, as the authors' implementation reshapes the batch), the standard deviation
    /// of every feature over the group, averaged over the features, appended to each sample of the group as one more
    /// channel ([N, C, H, W] → [N, C + 1, H, W]) or feature ([N, F] → [N, F + 1]).
    /// </summary>
    public static Tensor MinibatchStdDev(Tensor x, long group)
    {
        ArgumentNullException.ThrowIfNull(x);
        long count = x.size(0);
        if (count % group != 0)
            throw new ArgumentException($"Minibatch standard deviation takes groups of {group} samples, but the batch has {count}; use a batch size that is a multiple of {group}.", nameof(x));
        using var grouped = x.reshape(group, count / group, -1);
        using var deviation = grouped.std(dim: 0, unbiased: false);
        using var averaged = deviation.mean(new long[] { 1 });
        // Each sample gets its group's statistic: group g holds samples g, g + N/G, …; tile back in that order.
        using var perSample = averaged.repeat(group);
        if (x.dim() == 2)
        {
            using var feature = perSample.reshape(count, 1);
            return cat([x, feature], 1);
        }
        using var perImage = perSample.reshape(count, 1, 1, 1);
        using var channel = perImage.expand(count, 1, x.size(2), x.size(3));
        return cat([x, channel], 1);
    }
}
