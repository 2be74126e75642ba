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
        // The metadata drives every allocation and every check of a request, so it is checked as strictly as a request.
        LatentSize = Positive(metadata, "gangen.latent_size");
        UniformNoise = Read(metadata, "gangen.latent") == "Uniform";
        Classes = string.Equals(Read(metadata, "gangen.classes"), "0", StringComparison.Ordinal) ? 0 : Positive(metadata, "gangen.classes");
        SampleShape = Read(metadata, "gangen.data_shape").Split(',').Select(size => Dimension(size)).ToArray();
        SampleElements = SampleShape.Aggregate(1L, (product, size) => product > int.MaxValue ? product : product * size);
        if (SampleElements > int.MaxValue) throw Invalid($"its 'gangen.data_shape' [{string.Join(", ", SampleShape)}] is too large for one sample");
        Range = Read(metadata, "gangen.range");
        if (Range is not ("Unbounded" or "MinusOneToOne" or "ZeroToOne")) throw Invalid($"its 'gangen.range' is '{Range}', not Unbounded, MinusOneToOne or ZeroToOne");
        foreach (string input in Classes > 0 ? new[] { "noise", "labels" } : new[] { "noise" })
            if (!session.InputMetadata.ContainsKey(input)) throw Invalid($"it has no '{input}' input");
        if (!session.OutputMetadata.ContainsKey("samples")) throw Invalid("it has no 'samples' output");
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

    /// <summary>Values in one sample: the product of <see cref="SampleShape"/>.</summary>
    public long SampleElements { get; }

    /// <summary>The declared value range: Unbounded, MinusOneToOne or ZeroToOne.</summary>
    public string Range { get; }

    /// <summary>Loads <paramref name="path"/>; a missing file, a non-ONNX file or one GanGen did not export is an <see cref="InvalidDataException"/> naming it.</summary>
    public static GeneratorModel Load(string path)
    {
        if (Directory.Exists(path)) throw new InvalidDataException($"'{path}' is a folder; --model names the .onnx file GanGen's ExportOnnx wrote.");
        if (!File.Exists(path)) throw new FileNotFoundException($"'{path}' does not exist.", path);
        // One thread: a serving host runs one request per core rather than one request on all cores.
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        InferenceSession? session = null;
        try
        {
            session = new InferenceSession(path, options);
            return new GeneratorModel(path, options, session);
        }
        catch (OnnxRuntimeException exception)
        {
            options.Dispose();
            throw new InvalidDataException($"'{path}' is not an ONNX model ONNX Runtime can load: {exception.Message.Split('\n')[0]}", exception);
        }
        catch
        {
            session?.Dispose();
            options.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Draws the request's noise from its seed and generates one sample per noise vector. The request must come
    /// from <see cref="SampleRequest.Parse"/> for this model; it is re-checked here, so no request can reach ONNX
    /// Runtime with a label its lookup tables would wrap around (label −1 read as the last class) or overrun.
    /// </summary>
    public Samples Generate(SampleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var labels = request.Labels;
        if (request.Count < 1 || request.Count > SampleLimits.MaxCount(this, int.MaxValue))
            throw new ArgumentOutOfRangeException(nameof(request), request.Count, "The count was not checked by SampleRequest.Parse.");
        if ((Classes > 0) != (labels is not null) || (labels is not null && (labels.Length != request.Count || labels.Any(label => label < 0 || label >= Classes))))
            throw new ArgumentException($"The labels were not checked by SampleRequest.Parse for {Gan}'s {Classes} classes.", nameof(request));

        int count = request.Count;
        float[] noise = NoiseSource.Draw(count * LatentSize, request.Seed, UniformNoise);
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

    private int Positive(IReadOnlyDictionary<string, string> metadata, string key)
    {
        string text = Read(metadata, key);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1
            ? value
            : throw Invalid($"its '{key}' is '{text}', not a whole number of at least 1");
    }

    private long Dimension(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long size) && size is >= 1 and <= int.MaxValue
        ? size
        : throw Invalid($"its 'gangen.data_shape' holds '{text}', not a size of at least 1");

    private InvalidDataException Invalid(string problem) => new($"'{Path}' is not a generator GanGen exported: {problem}; export it again with ExportOnnx.");
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
