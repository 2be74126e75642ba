using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Networks;

/// <summary>How generated networks take a class label: joined to the input, projected onto features, or classified.</summary>
public static class Conditions
{
    /// <summary>The labels [N] as one-hot rows [N, <paramref name="classes"/>] of the default float type.</summary>
    public static Tensor OneHot(Tensor labels, long classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var hot = nn.functional.one_hot(labels, classes);
        return hot.to_type(get_default_dtype());
    }

    /// <summary>
    /// Joins a label vector [N, E] to <paramref name="input"/>: as E more features of a flat [N, F] input, or as E
    /// constant channels of an image [N, C, H, W] (Mirza &amp; Osindero 2014; the usual form for convolutional networks).
    /// </summary>
    public static Tensor Join(Tensor input, Tensor label)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(label);
        if (input.dim() == 2) return cat([input, label], 1);
        using var column = label.reshape(label.size(0), label.size(1), 1, 1);
        using var planes = column.expand(label.size(0), label.size(1), input.size(2), input.size(3));
        return cat([input, planes], 1);
    }

    /// <summary>
    /// The projection discriminator's score (Miyato &amp; Koyama 2018): adds ⟨V_y, φ(x)⟩ to <paramref name="score"/>
    /// [N, 1] in place, where φ(x) is <paramref name="features"/> flattened and V_y the label's row of
    /// <paramref name="projection"/>. In place is safe: no layer's backward reads its own output.
    /// </summary>
    public static Tensor AddProjection(Tensor score, Tensor features, Embedding projection, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(projection);
        using var rows = projection.forward(labels);
        using var product = features.dim() == 2 ? rows.mul(features) : MulFlat(rows, features);
        using var inner = product.sum(1, keepdim: true);
        return score.add_(inner, CachedScalars.One);
    }

    private static Tensor MulFlat(Tensor rows, Tensor features)
    {
        using var flat = features.flatten(1);
        return rows.mul(flat);
    }

    /// <summary>AC-GAN's class logits from the features the score is computed from.</summary>
    public static Tensor Classify(Linear head, Tensor features)
    {
        ArgumentNullException.ThrowIfNull(head);
        using var flat = features.flatten(1);
        return head.forward(flat);
    }

    /// <summary>Starts conditional batch norm at the identity: every class's scale 1 and shift 0.</summary>
    public static void InitialiseScaleAndShift(Embedding scale, Embedding shift)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(shift);
        using var _ = no_grad();
        scale.weight!.fill_(1.0);
        shift.weight!.fill_(0.0);
    }

    /// <summary>A per-sample vector [N, E] reshaped to broadcast over an input of rank <paramref name="rank"/> ([N, E, 1, 1] for images); takes ownership.</summary>
    internal static Tensor Broadcastable(Tensor vector, long rank)
    {
        if (rank == 2) return vector;
        var shape = new long[rank];
        shape[0] = vector.size(0);
        shape[1] = vector.size(1);
        for (int i = 2; i < shape.Length; i++) shape[i] = 1;
        using (vector) return vector.reshape(shape);
    }
}
