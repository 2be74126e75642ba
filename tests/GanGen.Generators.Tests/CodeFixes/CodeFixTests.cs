using System.Threading.Tasks;
using GanGen.CodeFixes;
using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.CodeFixes;

/// <summary>Each fix turns the bad declaration into one the generator accepts, changing only what it should.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public async Task Make_partial_adds_the_modifier()
    {
        string bad = (ToyGan.Valid with { Declaration = "public class ToyGan" }).ToString();
        string fixedText = await CodeFixRunner.ApplyAsync(new MakePartialCodeFix(), bad, "GAN101");
        Assert.Contains("public partial class ToyGan", fixedText);
        Assert.Equal(ToyGan.Valid.ToString(), fixedText);
        Assert.Empty(CodeFixRunner.GanDiagnostics(fixedText));
    }

    [Fact]
    public async Task Remove_trailing_sigmoid_keeps_the_rest_of_the_attribute_list()
    {
        string bad = (ToyGan.Valid with
        {
            DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1), Sigmoid] public partial Linear Score { get; }",
        }).ToString();
        string fixedText = await CodeFixRunner.ApplyAsync(new RemoveTrailingSigmoidCodeFix(), bad, "GAN301");
        Assert.Contains("[Dense(1)] public partial Linear Score { get; }", fixedText);
        Assert.DoesNotContain("Sigmoid", fixedText);
        Assert.Empty(CodeFixRunner.GanDiagnostics(fixedText));
    }

    [Fact]
    public async Task Remove_trailing_sigmoid_drops_a_list_holding_only_it()
    {
        string bad = (ToyGan.Valid with
        {
            DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1)][Sigmoid] public partial Linear Score { get; }",
        }).ToString();
        string fixedText = await CodeFixRunner.ApplyAsync(new RemoveTrailingSigmoidCodeFix(), bad, "GAN301");
        Assert.Contains("[Dense(1)] public partial Linear Score { get; }", fixedText);
        Assert.Empty(CodeFixRunner.GanDiagnostics(fixedText));
    }

    [Fact]
    public async Task Bias_before_batch_norm_is_switched_off()
    {
        string bad = (ToyGan.Valid with
        {
            GeneratorLayers = "[Dense(16)] public partial Linear Hidden { get; }\n[BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }\n[Dense(2)] public partial Linear Output { get; }",
        }).ToString();
        string fixedText = await CodeFixRunner.ApplyAsync(new SetNamedArgumentCodeFix(), bad, "GAN212");
        Assert.Contains("[Dense(16, Bias = false)] public partial Linear Hidden { get; }", fixedText);
        Assert.Empty(CodeFixRunner.GanDiagnostics(fixedText));
    }

    [Fact]
    public async Task Convolution_that_leaves_a_row_unread_gets_the_padding_that_reads_it()
    {
        // Kernel 3, Stride 3 on 28: ⌊(28 − 2 − 1) / 3⌋ + 1 = 9 leaves row 28 unread; Padding = 1 gives 27 / 3 + 1 = 10.
        var bad = ToyGan.Valid with
        {
            GanAttributes = "[Gan]\n[GanData(1, 28, 28, Range = DataRange.MinusOneToOne)]",
            GeneratorLayers = "[Dense(784), Tanh, Reshape(1, 28, 28)] public partial Linear Output { get; }",
            DiscriminatorLayers =
                "[Conv2d(8, Kernel = 3, Stride = 3), LeakyReLU(0.2)] public partial Conv2d Down { get; }\n" +
                "[Flatten, Dense(1)] public partial Linear Score { get; }",
        };
        var diagnostics = CodeFixRunner.GanDiagnostics(bad.ToString());
        var shape = Assert.Single(diagnostics, d => d.Id == "GAN218");
        Assert.Contains("the last 1 row of 28 (row 28) is never read", shape.GetMessage());
        Assert.Equal("1", shape.Properties["Padding"]);

        string fixedText = await CodeFixRunner.ApplyAsync(new SetNamedArgumentCodeFix(), bad.ToString(), "GAN218");
        Assert.Contains("[Conv2d(8, Kernel = 3, Stride = 3, Padding = 1), LeakyReLU(0.2)]", fixedText);
        Assert.Empty(CodeFixRunner.GanDiagnostics(fixedText));
    }

    [Fact]
    public async Task One_channel_map_is_declared_a_patch_map()
    {
        var bad = ToyGan.Valid with
        {
            GanAttributes = "[Gan]\n[GanData(1, 8, 8)]",
            GeneratorLayers = "[Dense(16), ReLU] public partial Linear Hidden { get; }\n[Dense(64), Reshape(1, 8, 8)] public partial Linear Output { get; }",
            DiscriminatorHeader = "[GanDiscriminator(Init = WeightInit.Dcgan)]\npublic partial class D",
            DiscriminatorLayers = "[Conv2d(1, Kernel = 4, Stride = 2, Padding = 1)] public partial Conv2d Patches { get; }",
        };
        var mismatch = Assert.Single(CodeFixRunner.GanDiagnostics(bad.ToString()), d => d.Id == "GAN208");
        Assert.Equal("true", mismatch.Properties["PatchMap"]);

        string fixedText = await CodeFixRunner.ApplyAsync(new SetNamedArgumentCodeFix(), bad.ToString(), "GAN208");
        Assert.Contains("[GanDiscriminator(Init = WeightInit.Dcgan, Output = DiscriminatorOutput.PatchMap)]", fixedText);
        Assert.Empty(CodeFixRunner.GanDiagnostics(fixedText));
    }

    [Fact]
    public void Flat_output_offers_no_patch_map_fix()
    {
        var bad = ToyGan.Valid with { DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(2)] public partial Linear Score { get; }" };
        var mismatch = Assert.Single(CodeFixRunner.GanDiagnostics(bad.ToString()), d => d.Id == "GAN208");
        Assert.False(mismatch.Properties.ContainsKey("PatchMap"));
    }

    [Fact]
    public void Providers_declare_the_ids_they_fix()
    {
        Assert.Equal(new[] { "GAN101" }, new MakePartialCodeFix().FixableDiagnosticIds);
        Assert.Equal(new[] { "GAN301" }, new RemoveTrailingSigmoidCodeFix().FixableDiagnosticIds);
        Assert.Equal(new[] { "GAN212", "GAN206", "GAN218", "GAN208" }, new SetNamedArgumentCodeFix().FixableDiagnosticIds);
    }
}
