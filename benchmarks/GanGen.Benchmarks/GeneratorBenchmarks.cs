extern alias generators;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanGen.Benchmarks;

/// <summary>
/// What GanGen costs in the IDE: the generator on a compilation declaring 50 GANs, cold, and re-run after an
/// unrelated edit (the incremental pipeline should then do almost nothing).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int GanCount = 50;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;
    private SyntaxTree _unrelated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < GanCount; i++) trees.Add(CSharpSyntaxTree.ParseText(Declaration(i), options, path: $"Gan{i}.cs"));
        _unrelated = CSharpSyntaxTree.ParseText("namespace App; public static class Unrelated { public static int Value => 1; }", options, path: "Unrelated.cs");
        trees.Add(_unrelated);
        _compilation = CSharpCompilation.Create("Bench", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.ReplaceSyntaxTree(_unrelated,
            CSharpSyntaxTree.ParseText("namespace App; public static class Unrelated { public static int Value => 2; }", options, path: "Unrelated.cs"));
        _warmDriver = CreateDriver(options).RunGenerators(_compilation);
    }

    [Benchmark(Description = "cold run, 50 GANs")]
    public GeneratorDriver Cold() => CreateDriver((CSharpParseOptions)_compilation.SyntaxTrees[0].Options).RunGenerators(_compilation);

    [Benchmark(Description = "re-run after an unrelated edit")]
    public GeneratorDriver Incremental() => _warmDriver.RunGenerators(_edited);

    private static GeneratorDriver CreateDriver(CSharpParseOptions options) =>
        CSharpGeneratorDriver.Create(new[] { new generators::GanGen.Generators.GanSourceGenerator().AsSourceGenerator() }, parseOptions: options);

    private static IEnumerable<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(GanGen.GanAttribute).Assembly.Location);
        paths.Add(typeof(TorchSharp.torch).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
    }

    private static string Declaration(int index) => $$"""
        using GanGen;
        using TorchSharp.Modules;

        namespace App.Models{{index}};

        [Gan(Loss = GanLoss.Wasserstein), GradientPenalty]
        [GanData(2)]
        public partial class Gan{{index}}
        {
            [GanGenerator(Latent = 8)]
            public partial class Gen
            {
                [Dense({{64 + index}}), ReLU] public partial Linear Hidden1 { get; }
                [Dense(128), ReLU] public partial Linear Hidden2 { get; }
                [Dense(2)] public partial Linear Output { get; }
            }

            [GanDiscriminator]
            public partial class Critic
            {
                [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
                [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
                [Dense(1)] public partial Linear Score { get; }
            }
        }
        """;
}
