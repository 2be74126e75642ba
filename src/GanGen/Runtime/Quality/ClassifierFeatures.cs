using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace GanGen.Runtime.Quality;

/// <summary>The Fashion classifier's features and class probabilities of a set of images, computed in chunks on the CPU.</summary>
internal static class ClassifierFeatures
{
    private const int Chunk = 500;

    public static Tensor Of(FashionClassifier classifier, Tensor images, out Tensor probabilities)
    {
        if (images.dim() != 4 || images.size(1) != 1 || images.size(2) != 28 || images.size(3) != 28)
            throw new ArgumentException($"The Fashion classifier takes [N, 1, 28, 28] images; got [{string.Join(", ", images.shape)}].", nameof(images));
        using var _ = no_grad();
        classifier.eval();
        var features = new List<Tensor>();
        var probs = new List<Tensor>();
        try
        {
            for (long start = 0; start < images.size(0); start += Chunk)
            {
                using var chunk = images.narrow(0, start, Math.Min(Chunk, images.size(0) - start)).cpu();
                features.Add(classifier.Features(chunk));
                using var logits = classifier.forward(chunk);
                probs.Add(logits.softmax(1));
            }
            probabilities = cat(probs, 0);
            return cat(features, 0);
        }
        finally
        {
            foreach (var t in features) t.Dispose();
            foreach (var t in probs) t.Dispose();
        }
    }
}
