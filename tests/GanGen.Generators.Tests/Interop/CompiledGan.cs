using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using GanGen.Generators.Tests.Catalog;
using GanGen.Generators.Tests.Infrastructure;
using GanGen.Runtime.Training;
using Microsoft.CodeAnalysis;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Generators.Tests.Interop;

/// <summary>
/// A declaration generated, compiled in memory and loaded, with its trainer driven through the public API the
/// generated class inherits (reached by reflection, since the type exists only at run time).
/// </summary>
internal sealed class CompiledGan : IDisposable
{
    // One compilation per declaration text: several tests build the same GAN.
    private static readonly ConcurrentDictionary<string, Assembly> Assemblies = new(StringComparer.Ordinal);

    private CompiledGan(Type type, object gan)
    {
        Type = type;
        Gan = gan;
    }

    public Type Type { get; }

    public object Gan { get; }

    public GanTrainerConfig Config => (GanTrainerConfig)Property("Config");

    public nn.Module Generator => (nn.Module)Property("Generator");

    public nn.Module Discriminator => (nn.Module)Property("Discriminator");

    /// <summary>Generates, compiles and loads <paramref name="source"/>, then constructs its GAN <paramref name="typeName"/>.</summary>
    public static CompiledGan Create(string source, string typeName, long seed = 1)
    {
        var assembly = Assemblies.GetOrAdd(source, static text =>
        {
            var run = GeneratorHarness.Run(text);
            Assert.True(!run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), GeneratorRun.Describe(run.GeneratorDiagnostics));
            return EveryKindTests.Load(run.Output);
        });
        var type = assembly.GetType(typeName, throwOnError: true)!;
        return new CompiledGan(type, Activator.CreateInstance(type, null, seed, 8)!);
    }

    /// <summary>A few training steps on random data, so batch-norm statistics and weights move off their initial values.</summary>
    public void Train(int steps, long batch = 8)
    {
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            var shape = new[] { batch }.Concat(Config.DataShape).ToArray();
            var data = randn(shape).tanh();
            var labels = Config.IsConditional ? randint(0, Config.Classes, new[] { batch }) : null;
            var sources = Config.IsRefiner ? randn(shape).tanh() : null;
            Invoke("Step", new GanBatch(data, labels, sources));
        }
    }

    /// <summary>
    /// Adds N(0, <paramref name="scale"/>²) noise to every parameter of both networks, so label tables and per-class
    /// scales matter; then lets spectral norms track the new weights (<see cref="TrackSpectralNorms"/>).
    /// </summary>
    public void Perturb(double scale)
    {
        using (no_grad())
        {
            foreach (var network in new[] { Generator, Discriminator })
            {
                foreach (var parameter in network.parameters())
                {
                    using var noise = randn_like(parameter).mul_(scale);
                    parameter.add_(noise);
                }
            }
        }
        TrackSpectralNorms();
    }

    /// <summary>
    /// Training-mode forwards of each network that declares [SpectralNorm], one power iteration each, so its vectors
    /// follow perturbed weights as they follow training's small steps. A v left behind by a random jump of the weights
    /// makes W / ‖W v‖ scale a layer by up to ~50× (measured: discriminator scores up to 78 instead of 1.7), and the
    /// export tests' absolute tolerance would then measure that scale rather than the export.
    /// </summary>
    private void TrackSpectralNorms(int iterations = 20)
    {
        var config = Config;
        foreach (var network in new[] { Generator, Discriminator })
        {
            if (network.GetType().GetMethod("BeginSpectralPass") is null) continue;
            bool generator = ReferenceEquals(network, Generator);
            var shape = new long[] { 8 }.Concat(generator ? (config.IsRefiner ? config.DataShape : new long[] { config.LatentSize }) : config.DataShape).ToArray();
            if (!generator) shape[1] *= config.Pack;
            network.train();
            for (int i = 0; i < iterations; i++)
            {
                using var scope = NewDisposeScope();
                Run(network, randn(shape), config.IsConditional ? randint(0, config.Classes, new long[] { 8 }) : null);
            }
        }
    }

    public Tensor Generate(Tensor noise, Tensor? labels) => (Tensor)Invoke("Generate", noise, labels)!;

    public Tensor Refine(Tensor sources) => (Tensor)Invoke("Refine", sources)!;

    /// <summary>The generator's samples in evaluation mode: from noise, or refined from sources.</summary>
    public Tensor Sample(Tensor input, Tensor? labels) => Config.IsRefiner ? Refine(input) : Generate(input, labels);

    /// <summary>The discriminator's scores (and AC-GAN class logits) in evaluation mode, without gradients.</summary>
    public (Tensor Scores, Tensor? ClassLogits) Discriminate(Tensor samples, Tensor? labels)
    {
        var discriminator = Discriminator;
        discriminator.eval();
        try
        {
            return Run(discriminator, samples, labels);
        }
        finally
        {
            discriminator.train();
        }
    }

    /// <summary>A generated network's forward without gradients, in its current mode, with the labels when it takes them.</summary>
    public static (Tensor Output, Tensor? ClassLogits) Run(nn.Module network, Tensor input, Tensor? labels)
    {
        using var noGrad = no_grad();
        return network switch
        {
            nn.Module<Tensor, (Tensor, Tensor)> auxiliary => auxiliary.forward(input),
            nn.Module<Tensor, Tensor, Tensor> conditional => (conditional.forward(input, labels!), null),
            nn.Module<Tensor, Tensor> plain => (plain.forward(input), null),
            _ => throw new InvalidOperationException($"Unexpected network type {network.GetType()}."),
        };
    }

    public void ExportOnnx(string generatorPath, string? discriminatorPath = null) => Invoke("ExportOnnx", generatorPath, discriminatorPath);

    public void SaveWeights(string path) => Invoke("SaveWeights", path);

    public void LoadWeights(string path) => Invoke("LoadWeights", path);

    public void WritePyTorchTwin(string folder) => Invoke("WritePyTorchTwin", folder);

    public void Dispose() => ((IDisposable)Gan).Dispose();

    private object Property(string name) => Type.GetProperty(name)!.GetValue(Gan)!;

    private object? Invoke(string name, params object?[] arguments)
    {
        var method = Type.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == arguments.Length);
        try
        {
            return method.Invoke(Gan, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }
}

/// <summary>A fresh temporary folder, deleted with its contents when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string label) => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gangen-{label}-{Guid.NewGuid():N}"));

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
