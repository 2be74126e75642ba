using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using GanGen.Generators.Catalog;
using GanGen.Generators.Tests.Infrastructure;
using GanGen.Generators.Validation;
using Microsoft.CodeAnalysis;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Generators.Tests.Catalog;

/// <summary>
/// Every kind of the step catalog, built for real: a minimal GAN whose generator uses the kind is generated,
/// compiled, loaded and run. Its forward output must have the shape the compiler inferred, and one training step must
/// run. No kind can ship broken because nobody declared it: the table is the catalog itself.
/// </summary>
public sealed class EveryKindTests
{
    /// <summary>Inputs a kind is tried on, in order: flat features, a small image, a short sequence, an image of 4 channels (pixel shuffle).</summary>
    private static readonly long[][] CandidateInputs = { new long[] { 6 }, new long[] { 3, 8, 8 }, new long[] { 2, 6 }, new long[] { 4, 4, 4 } };

    public static TheoryData<string> Kinds => new(StepCatalog.All.Select(kind => kind.Name).OrderBy(name => name, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Kind_compiles_runs_and_produces_its_inferred_shape(string name)
    {
        var kind = StepCatalog.All.Single(k => k.Name == name);
        var (input, output, attribute) = Fit(kind);
        string source = Declaration(kind, input, output, attribute);

        var run = GeneratorHarness.Run(source);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var assembly = Load(run.Output);

        long latent = Shapes.Product(input);
        var ganType = assembly.GetType("Demo.KindGan", throwOnError: true)!;
        var generatorType = ganType.GetNestedType("G", BindingFlags.Public)!;
        using var generator = (nn.Module<Tensor, Tensor>)Activator.CreateInstance(generatorType)!;
        using var noise = randn(5, latent);
        using var produced = generator.forward(noise);
        var data = kind.DiscriminatorOnlyReason is null ? output : input;
        Assert.Equal(new long[] { 5 }.Concat(data).ToArray(), produced.shape);
        Assert.True(produced.isfinite().all().item<bool>(), $"{name} produced non-finite values");
        if (kind.DiscriminatorOnlyReason is not null)
        {
            var discriminatorType = ganType.GetNestedType("D", BindingFlags.Public)!;
            using var discriminator = (nn.Module<Tensor, Tensor>)Activator.CreateInstance(discriminatorType)!;
            using var samples = randn(new long[] { 8 }.Concat(data).ToArray());
            using var scores = discriminator.forward(samples);
            Assert.Equal(new long[] { 8, 1 }, scores.shape);
        }

        using var gan = (IDisposable)Activator.CreateInstance(ganType, null, 1L, 8)!;
        using var real = randn(new long[] { 4 }.Concat(data).ToArray());
        ganType.GetMethod("Step")!.Invoke(gan, new object[] { (GanGen.Runtime.Training.GanBatch)real });
        Assert.Equal(1L, ganType.GetProperty("StepCount")!.GetValue(gan));
    }

    /// <summary>The first candidate input the kind takes with its required arguments set to 4.</summary>
    internal static (long[] Input, long[] Output, string Attribute) Fit(StepKind kind)
    {
        var required = kind.Arguments.Where(a => a.IsRequired).Select(a => a.Name + ": 4").ToList();
        if (kind.AttributeType == typeof(ReshapeAttribute)) return (new long[] { 6 }, new long[] { 2, 3 }, "Reshape(2, 3)");
        string attribute = kind.Name + (required.Count == 0 ? string.Empty : "(" + string.Join(", ", required.Select(r => r.Split(':')[0].ToLowerInvariant() + ":" + r.Split(':')[1])) + ")");
        // A merge's other operand is the generator's input, the latent vector: the kind runs on flat features of its size.
        if (kind.IsMerge) attribute = kind.Name + "(Node.Input)";
        foreach (var input in CandidateInputs)
        {
            var values = new Dictionary<string, double>();
            foreach (var argument in kind.Arguments) values[argument.Name] = argument.IsRequired ? 4 : argument.Default;
            var result = kind.Infer(new StepValues(ValuesOf(kind, values), default, kind.IsMerge ? new[] { Shapes.Product(input) } : null, "the input"), input);
            if (result.Output is not null) return (input, result.Output, attribute);
        }
        throw new InvalidOperationException($"{kind.Name} takes none of the candidate inputs; add one to {nameof(CandidateInputs)}.");
    }

    private static GanGen.Generators.Language.Arguments ValuesOf(StepKind kind, Dictionary<string, double> values)
    {
        var context = new ValidationContext();
        var declared = values.Select(v => new GanGen.Generators.Model.ArgumentDeclaration(v.Key, v.Value, default)).ToArray();
        return GanGen.Generators.Language.Arguments.Resolve(kind.Arguments, new GanGen.Generators.Model.EquatableArray<GanGen.Generators.Model.ArgumentDeclaration>(declared), "{0}", context);
    }

    /// <summary>
    /// A generator: latent → (reshape to the input) → the kind; data of the kind's output shape; a Flatten-Dense critic.
    /// A discriminator-only kind goes first in the critic instead, on data of its input shape: the critic's next Dense
    /// only runs if the kind's output has the width the compiler inferred.
    /// </summary>
    internal static string Declaration(StepKind kind, long[] input, long[] output, string attribute)
    {
        string reshape = input.Length > 1 ? $"Reshape({string.Join(", ", input)}), " : string.Empty;
        long latent = Shapes.Product(input);
        string probe = kind.IsLayer
            ? $"[{attribute}] public partial {kind.ModuleType!.Replace("global::", string.Empty)} Probe {{ get; }}"
            : $"[Flatten, Dense({latent}), {reshape}{attribute}] public partial TorchSharp.Modules.Linear Probe {{ get; }}";
        if (kind.DiscriminatorOnlyReason is not null)
            return Gan(input, latent, $"[Dense({latent}){(input.Length > 1 ? ", " + reshape.TrimEnd(' ', ',') : string.Empty)}] public partial Linear Output {{ get; }}",
                probe + "\n                    [Flatten, Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }");
        string layer = kind.IsLayer
            ? $"[{reshape}{attribute}] public partial {kind.ModuleType!.Replace("global::", string.Empty)} Probe {{ get; }}"
            : $"[Dense({latent}), {reshape}{attribute}] public partial TorchSharp.Modules.Linear Probe {{ get; }}";
        // A layer without weights (Identity) after one with them, so the generator has something to train.
        if (kind.IsLayer && !kind.HasKernel) layer = $"[Dense({latent})] public partial Linear Before {{ get; }}\n                    " + layer;
        return Gan(output, latent, layer, "[Flatten, Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }");
    }

    private static string Gan(long[] data, long latent, string generatorLayers, string discriminatorLayers)
    {
        return $$"""
            using GanGen;
            using TorchSharp.Modules;

            namespace Demo;

            [Gan]
            [GanData({{string.Join(", ", data)}})]
            public partial class KindGan
            {
                [GanGenerator(Latent = {{latent}})]
                public partial class G
                {
                    {{generatorLayers}}
                }

                [GanDiscriminator]
                public partial class D
                {
                    {{discriminatorLayers}}
                    [Dense(1)] public partial Linear Score { get; }
                }
            }
            """;
    }

    internal static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(image.ToArray());
    }
}
