using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using GanGen.Generators.Tests.Interop;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Generators.Tests.Graphs;

/// <summary>
/// Networks as graphs: merges compute their closed forms, nodes read what [From] names, blocks are modules of their own
/// under nested names with weights per use, kept values die after their last reader, and blocks shared by GANs are
/// generated once.
/// </summary>
public sealed class NodeGraphTests
{
    private static string Flat(string generatorLayers, int latent, int data) => (ToyGan.Valid with
    {
        GanAttributes = $"[Gan]\n[GanData({data})]",
        GeneratorHeader = $"[GanGenerator(Latent = {latent})]\npublic partial class G",
        GeneratorLayers = generatorLayers,
    }).ToString();

    private static Tensor Forward(CompiledGan gan, Tensor input) => CompiledGan.Run(gan.Generator, input, null).Output;

    private static TorchSharp.Modules.Linear Linear(CompiledGan gan, string name) =>
        (TorchSharp.Modules.Linear)gan.Generator.named_children().Single(child => child.name == name).module;

    [Fact]
    public void Add_is_the_named_output_plus_the_scaled_value_here()
    {
        using var gan = CompiledGan.Create(Flat("[Dense(4), Add(Node.Input, Scale = 0.5)] public partial Linear Output { get; }", latent: 4, data: 4), "Demo.ToyGan");
        using var z = randn(3, 4);
        var layer = Linear(gan, "Output");
        using var expected = z + 0.5 * nn.functional.linear(z, layer.weight!, layer.bias);

        using var output = Forward(gan, z);

        Assert.True(output.allclose(expected, rtol: 1e-5, atol: 1e-6), "Add(Node.Input, Scale = 0.5) must be input + 0.5·Dense(input)");
    }

    [Fact]
    public void Concat_puts_the_value_here_first_and_the_named_output_after_it()
    {
        using var gan = CompiledGan.Create(Flat("[Dense(3), Concat(Node.Input)] public partial Linear Output { get; }", latent: 3, data: 6), "Demo.ToyGan");
        using var z = randn(2, 3);
        var layer = Linear(gan, "Output");

        using var output = Forward(gan, z);

        Assert.True(output.narrow(1, 0, 3).allclose(nn.functional.linear(z, layer.weight!, layer.bias), rtol: 1e-5, atol: 1e-6));
        Assert.True(output.narrow(1, 3, 3).allclose(z, rtol: 0, atol: 0));
    }

    [Fact]
    public void From_reads_the_named_node_instead_of_the_previous_one()
    {
        // Side branches off the input; Output reads the input again and adds the side branch's output.
        string layers = "[Dense(3)] public partial Linear Side { get; }\n[From(Node.Input), Dense(3), Add(nameof(Side))] public partial Linear Output { get; }";
        using var gan = CompiledGan.Create(Flat(layers, latent: 3, data: 3), "Demo.ToyGan");
        using var z = randn(2, 3);
        var side = Linear(gan, "Side");
        var output = Linear(gan, "Output");
        using var expected = nn.functional.linear(z, side.weight!, side.bias) + nn.functional.linear(z, output.weight!, output.bias);

        using var produced = Forward(gan, z);

        Assert.True(produced.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Block_layers_are_named_under_their_use_and_each_use_has_its_own_weights()
    {
        using var gan = CompiledGan.Create(InteropDeclarations.All["ResidualGan"], "Demo.ResidualGan");
        var generator = gan.Generator.state_dict();
        var discriminator = gan.Discriminator.state_dict();

        Assert.Contains("Up1.Conv1.weight", generator.Keys);
        Assert.Contains("Up2.Norm2.running_mean", generator.Keys);
        Assert.Contains("Down.Conv1.weight_u", discriminator.Keys); // [SpectralNorm] on the block reaches its convolutions
        Assert.Contains("Down.Shortcut.weight_v", discriminator.Keys);
        Assert.DoesNotContain(generator.Keys.Concat(discriminator.Keys), key => key.Contains("._") || key.StartsWith('_'));
        Assert.False(generator["Up1.Conv1.weight"].allclose(generator["Up2.Conv1.weight"]), "two uses of a block share weights");
        Assert.NotSame(generator["Up1.Conv1.weight"], generator["Up2.Conv1.weight"]);
    }

    [Fact]
    public void Weight_initialisation_reaches_layers_inside_blocks()
    {
        // DCGAN initialisation for convolutional networks: N(0, 0.02) weights, zero biases, inside blocks too.
        using var gan = CompiledGan.Create(InteropDeclarations.All["ResidualGan"], "Demo.ResidualGan");
        var weights = gan.Generator.state_dict();

        Assert.InRange(weights["Up1.Conv2.weight"].std().item<float>(), 0.015f, 0.025f);
        Assert.Equal(0f, weights["Up1.Conv2.bias"].abs().max().item<float>());
    }

    [Fact]
    public void Kept_values_are_disposed_after_their_last_reader()
    {
        using var gan = CompiledGan.Create(InteropDeclarations.All["UNetGan"], "Demo.UNetGan");
        var generator = (nn.Module<Tensor, Tensor>)gan.Generator;
        using var sources = randn(4, 1, 8, 8);
        var statistics = DisposeScopeManager.Statistics;
        void Step()
        {
            using var refined = generator.forward(sources);
            using var total = refined.sum();
            total.backward();
        }
        for (int i = 0; i < 2; i++) Step(); // gradients exist from here on
        long before = statistics.ThreadTotalLiveCount;

        for (int i = 0; i < 5; i++) Step();

        Assert.Equal(before, statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void A_skip_and_its_concatenation_appear_in_the_generated_forward_in_order()
    {
        var run = GeneratorHarness.Run(InteropDeclarations.All["UNetGan"]);
        string forward = run.Source("Demo.UNetGan.g.cs");

        int keep = forward.IndexOf("global::TorchSharp.torch.Tensor down1Out = x;", System.StringComparison.Ordinal);
        int concat = forward.IndexOf("Forward.Concat(x, down1Out, _Up1Pair)", System.StringComparison.Ordinal);
        int release = forward.IndexOf("down1Out.Dispose();", System.StringComparison.Ordinal);
        Assert.True(keep > 0 && concat > keep && release > concat, "Down1's output is kept, concatenated, then disposed");
        // Node.Input is the caller's tensor: read, never disposed.
        Assert.Contains("Forward.Concat(x, input, _Up2Pair)", forward);
        Assert.DoesNotContain("input.Dispose()", forward);
    }

    [Fact]
    public void A_top_level_block_shared_by_two_gans_is_generated_once_and_trains_in_both()
    {
        const string Source = """
            using GanGen;
            using TorchSharp.Modules;

            namespace Demo;

            [GanBlock]
            public partial class Mlp
            {
                [Dense(8), ReLU] public partial Linear Hidden { get; }
                [Dense(8), ReLU, Add(nameof(Hidden))] public partial Linear Residual { get; }
            }

            [Gan]
            [GanData(2)]
            public partial class First
            {
                [GanGenerator(Latent = 8)] public partial class G { public partial Mlp Body { get; } [Dense(2)] public partial Linear Output { get; } }
                [GanDiscriminator] public partial class D { [Dense(8)] public partial Linear In { get; } public partial Mlp Body { get; } [Dense(1)] public partial Linear Score { get; } }
            }

            [Gan(Loss = GanLoss.LeastSquares)]
            [GanData(2)]
            public partial class Second
            {
                [GanGenerator(Latent = 8)] public partial class G { public partial Mlp Body { get; } [Dense(2)] public partial Linear Output { get; } }
                [GanDiscriminator] public partial class D { [Dense(8)] public partial Linear In { get; } public partial Mlp Body { get; } [Dense(1)] public partial Linear Score { get; } }
            }
            """;
        var run = GeneratorHarness.Run(Source);
        run.AssertCleanBuild();
        Assert.Equal(new[] { "Demo.First.g.cs", "Demo.Mlp.g.cs", "Demo.Second.g.cs" }, run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));

        foreach (string name in new[] { "Demo.First", "Demo.Second" })
        {
            using var gan = CompiledGan.Create(Source, name);
            gan.Train(3);
            Assert.Contains("Body.Residual.weight", gan.Discriminator.state_dict().Keys);
        }
    }

    [Fact]
    public void Uses_in_two_gans_that_build_different_layers_are_an_error_at_the_block()
    {
        const string Source = """
            using GanGen;
            using TorchSharp.Modules;

            namespace Demo;

            [GanBlock]
            public partial class {|GAN234:Mlp|}
            {
                [Dense(8), ReLU] public partial Linear Hidden { get; }
            }

            [Gan]
            [GanData(2)]
            public partial class First
            {
                [GanGenerator(Latent = 4)] public partial class G { public partial Mlp Body { get; } [Dense(2)] public partial Linear Output { get; } }
                [GanDiscriminator] public partial class D { [Dense(1)] public partial Linear Score { get; } }
            }

            [Gan]
            [GanData(2)]
            public partial class Second
            {
                [GanGenerator(Latent = 6)] public partial class G { public partial Mlp Body { get; } [Dense(2)] public partial Linear Output { get; } }
                [GanDiscriminator] public partial class D { [Dense(1)] public partial Linear Score { get; } }
            }
            """;
        var (source, expected) = Markup.Parse(Source);

        var run = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GAN234");
        Assert.Equal(expected.Single().Span, diagnostic.Location.SourceSpan);
        Assert.Contains("Block 'Mlp' is used as 'First.G.Body' on [4], but as 'Second.G.Body' on [6]", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
