using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>Runs an ONNX model in ONNX Runtime on TorchSharp tensors and returns its first output as a tensor.</summary>
internal sealed class OnnxRuntimeRunner : IDisposable
{
    private readonly SessionOptions _options;

    public OnnxRuntimeRunner(byte[] model)
    {
        // One thread each: the machine's two cores are shared with libtorch's own pool and other builds.
        _options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        Session = new InferenceSession(model, _options);
    }

    public InferenceSession Session { get; }

    /// <summary>Runs the model once; float32 and int64 inputs are supported, the output must be float32.</summary>
    public Tensor Run(params (string Name, Tensor Value)[] inputs) => RunFor(Session.OutputNames[0], inputs);

    /// <summary>Runs the model once and returns the float32 output named <paramref name="output"/>.</summary>
    public Tensor RunFor(string output, params (string Name, Tensor Value)[] inputs)
    {
        var values = new List<OrtValue>();
        try
        {
            foreach (var (_, value) in inputs) values.Add(ToOrt(value));
            using var runOptions = new RunOptions();
            using var results = Session.Run(runOptions, inputs.Select(input => input.Name).ToArray(), values, new[] { output });
            var result = results[0];
            long[] shape = result.GetTensorTypeAndShape().Shape;
            return tensor(result.GetTensorDataAsSpan<float>().ToArray()).reshape(shape);
        }
        finally
        {
            foreach (var value in values) value.Dispose();
        }
    }

    /// <summary>Loads <paramref name="model"/>, runs it once and disposes the session.</summary>
    public static Tensor RunOnce(byte[] model, params (string Name, Tensor Value)[] inputs)
    {
        using var runner = new OnnxRuntimeRunner(model);
        return runner.Run(inputs);
    }

    private static OrtValue ToOrt(Tensor value)
    {
        using var contiguous = value.detach().cpu().contiguous();
        return value.dtype switch
        {
            ScalarType.Float32 => OrtValue.CreateTensorValueFromMemory(contiguous.data<float>().ToArray(), value.shape),
            ScalarType.Int64 => OrtValue.CreateTensorValueFromMemory(contiguous.data<long>().ToArray(), value.shape),
            _ => throw new NotSupportedException($"Test inputs are float32 or int64, not {value.dtype}."),
        };
    }

    public void Dispose()
    {
        Session.Dispose();
        _options.Dispose();
    }
}
