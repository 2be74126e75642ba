using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// A generator exported by GanGen's <c>ExportOnnx</c>, run with ONNX Runtime. Its metadata (<c>gangen.*</c>) says what
/// it takes and makes: the latent size and distribution, the number of classes, one sample's shape and value range.
/// </summary>
public sealed class GeneratorModel : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;

    private GeneratorModel(string path, SessionOptions options, InferenceSession session)
    {
        Path = path;
        _options = options;
        _session = session;
        var metadata = session.ModelMetadata.CustomMetadataMap;
        Gan = Read(metadata, "gangen.gan");
        if (Read(metadata, "gangen.network") != "Generator") throw new InvalidDataException($"'{path}' is GanGen's export of a discriminator, not of a generator.");
        if (Read(metadata, "gangen.input") != "Noise")
            throw new InvalidDataException($"'{path}' is a refiner ({Gan}): it transforms source images, which this server does not take; export a generator that draws noise.");
        LatentSize = int.Parse(Read(metadata, "gangen.latent_size"), CultureInfo.InvariantCulture);
        UniformNoise = Read(metadata, "gangen.latent") == "Uniform";
        Classes = int.Parse(Read(metadata, "gangen.classes"), CultureInfo.InvariantCulture);
        SampleShape = Read(metadata, "gangen.data_shape").Split(',').Select(size => long.Parse(size, CultureInfo.InvariantCulture)).ToArray();
        Range = Read(metadata, "gangen.range");
    }

    /// <summary>The .onnx file.</summary>
    public string Path { get; }

    /// <summary>The declared GAN the generator comes from.</summary>
    public string Gan { get; }

    /// <summary>Length of the noise vector.</summary>
    public int LatentSize { get; }

    /// <summary>U(−1, 1) noise instead of N(0, 1).</summary>
    public bool UniformNoise { get; }

    /// <summary>Classes a conditional generator takes a label from (0: unconditional).</summary>
    public int Classes { get; }

    /// <summary>One sample's shape, e.g. [1, 28, 28] or [2].</summary>
    public long[] SampleShape { get; }

    /// <summary>The declared value range: Unbounded, MinusOneToOne or ZeroToOne.</summary>
    public string Range { get; }

    /// <summary>Loads <paramref name="path"/>; a missing file, a non-ONNX file or one GanGen did not export is an <see cref="InvalidDataException"/> naming it.</summary>
    public static GeneratorModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"'{path}' does not exist.", path);
        // One thread: a serving host runs one request per core rather than one request on all cores.
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        try
        {
            return new GeneratorModel(path, options, new InferenceSession(path, options));
        }
        catch (OnnxRuntimeException exception)
        {
            options.Dispose();
            throw new InvalidDataException($"'{path}' is not an ONNX model ONNX Runtime can load: {exception.Message.Split('\n')[0]}", exception);
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>Draws <paramref name="count"/> noise vectors from <paramref name="seed"/> and generates a sample from each (labels 0, 1, 2, … when none are given).</summary>
    public Samples Generate(int count, int seed, long[]? labels = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Ask for at least one sample.");
        float[] noise = NoiseSource.Draw(count * LatentSize, seed, UniformNoise);
        if (Classes > 0)
        {
            labels ??= Enumerable.Range(0, count).Select(i => (long)(i % Classes)).ToArray();
            if (labels.Length != count) throw new ArgumentException($"{labels.Length} labels for {count} samples; give one label per sample.", nameof(labels));
            if (labels.FirstOrDefault(label => label < 0 || label >= Classes, -1) is var bad and >= 0)
                throw new ArgumentException($"label {bad} is outside 0…{Classes - 1}.", nameof(labels));
        }
        else if (labels is not null)
        {
            throw new ArgumentException($"{Gan} is not conditional; it takes no labels.", nameof(labels));
        }

        using var noiseValue = OrtValue.CreateTensorValueFromMemory(noise, new long[] { count, LatentSize });
        var inputs = new Dictionary<string, OrtValue> { ["noise"] = noiseValue };
        using var labelValue = labels is null ? null : OrtValue.CreateTensorValueFromMemory(labels, new long[] { count });
        if (labelValue is not null) inputs["labels"] = labelValue;
        using var runOptions = new RunOptions();
        using var results = _session.Run(runOptions, inputs, new[] { "samples" });
        var output = results[0];
        return new Samples(noise, output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape, labels, Range);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }

    private string Read(IReadOnlyDictionary<string, string> metadata, string key) => metadata.TryGetValue(key, out var value)
        ? value
        : throw new InvalidDataException($"'{Path}' has no '{key}' metadata; export it with GanGen's ExportOnnx.");
}

/// <summary>Generated samples with the noise and labels they came from.</summary>
/// <param name="Noise">[N, latent] noise, row-major.</param>
/// <param name="Values">[N, …sample shape] samples, row-major.</param>
/// <param name="Shape">The samples' shape, batch first.</param>
/// <param name="Labels">Each sample's class, for a conditional generator.</param>
/// <param name="Range">The declared value range.</param>
public sealed record Samples(float[] Noise, float[] Values, long[] Shape, long[]? Labels, string Range)
{
    /// <summary>Number of samples.</summary>
    public int Count => (int)Shape[0];
}
