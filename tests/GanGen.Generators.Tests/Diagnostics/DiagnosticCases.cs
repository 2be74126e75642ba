using System.Collections.Generic;
using System.Linq;
using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.Diagnostics;

/// <summary>
/// One minimal bad declaration per diagnostic (markup marks exactly where each expected diagnostic goes), the
/// declaration that fixes it, and phrases the diagnostic's message must contain.
/// </summary>
internal sealed record DiagnosticCase(string Name, string Id, string Markup, string Valid, params string[] MessageParts)
{
    public override string ToString() => Name;
}

internal static class DiagnosticCases
{
    private static readonly ToyGan T = ToyGan.Valid;

    private const string PatchMapHeader = "[GanDiscriminator(Output = DiscriminatorOutput.PatchMap)]\npublic partial class D";

    /// <summary>8×8 one-channel images, so a discriminator can end in a map of patch scores.</summary>
    private static readonly ToyGan Patches = T with
    {
        GanAttributes = "[Gan]\n[GanData(1, 8, 8)]",
        GeneratorLayers = "[Dense(16), ReLU] public partial Linear Hidden { get; }\n[Dense(64), Reshape(1, 8, 8)] public partial Linear Output { get; }",
    };

    private const string GeneratorOutput = "[Dense(2)] public partial Linear Output { get; }";
    private const string DiscriminatorScore = "[Dense(1)] public partial Linear Score { get; }";

    private static string Generator(string hidden, string output = GeneratorOutput) => hidden + "\n" + output;

    private static string Discriminator(string layers) => layers + "\n" + DiscriminatorScore;

    public static IReadOnlyList<DiagnosticCase> All { get; } = new DiagnosticCase[]
    {
        // GAN1xx: usage
        Case("GAN101_Gan", T with { Declaration = "public class {|GAN101:ToyGan|}" }, T,
            "'ToyGan' must be declared partial", "its trainer", "add the 'partial' modifier"),
        Case("GAN101_Network", T with { DiscriminatorHeader = "[GanDiscriminator]\npublic class {|GAN101:D|}" }, T,
            "'D' must be declared partial", "discriminator module"),
        Case("GAN101_Container", T with { Container = "public static class Models", Declaration = "public partial class {|GAN101:ToyGan|}" },
            T with { Container = "public static partial class Models" },
            "'Models' must be declared partial", "nested GAN ToyGan"),
        Case("GAN102_Network", T with { GeneratorHeader = "[GanGenerator(Latent = 4)]\npublic partial class {|GAN102:G|}<TItem>" }, T,
            "'G' is generic or nested in a generic type"),
        Case("GAN102_Gan", T with { Declaration = "public partial class {|GAN102:ToyGan|}<TItem>" }, T,
            "'ToyGan' is generic or nested in a generic type"),
        Case("GAN103_Gan", T with { Prelude = "public class Base { }", Declaration = "public partial class {|GAN103:ToyGan|} : Base" }, T,
            "'ToyGan' derives from 'Demo.Base'", "GanTrainer<TGenerator, TDiscriminator>"),
        Case("GAN103_Network", T with { Prelude = "public class Base { }", DiscriminatorHeader = "[GanDiscriminator]\npublic partial class {|GAN103:D|} : Base" }, T,
            "'D' derives from 'Demo.Base'", "its TorchSharp Module type"),
        Case("GAN104", T with { GanAttributes = "[{|GAN104:Gan|}]" }, T,
            "GAN 'ToyGan' needs [GanData(...)]"),
        Case("GAN105_DropoutProbability", T with { GeneratorLayers = Generator("[Dense(16), ReLU, Dropout({|GAN105:1.5|})] public partial Linear Hidden { get; }") },
            T with { GeneratorLayers = Generator("[Dense(16), ReLU, Dropout(0.3)] public partial Linear Hidden { get; }") },
            "Dropout Probability on 'Hidden' is 1.5", "in [0, 1)"),
        Case("GAN105_DataDimension", T with { GanAttributes = "[Gan]\n[{|GAN105:GanData(2, 0)|}]" }, T,
            "[GanData] dimension 1 is 0", "≥ 1"),
        Case("GAN105_GeneratorAverage", T with { GanAttributes = "[Gan({|GAN105:GeneratorAverage = 1.0|})]\n[GanData(2)]" },
            T with { GanAttributes = "[Gan(GeneratorAverage = 0.999)]\n[GanData(2)]" },
            "GeneratorAverage is 1", "in [0, 1)"),
        Case("GAN105_Pack", T with { GanAttributes = "[Gan({|GAN105:Pack = 0|})]\n[GanData(2)]" },
            T with { GanAttributes = "[Gan(Pack = 4)]\n[GanData(2)]" },
            "Pack is 0", "a whole number from 1 to 64"),
        Case("GAN105_Latent", T with { GeneratorHeader = "[GanGenerator({|GAN105:Latent = 0|})]\npublic partial class G" }, T,
            "Latent of 'G' is 0", "a whole number from 1 to 1000000"),
        Case("GAN105_CriticSteps", T with { GanAttributes = "[Gan({|GAN105:CriticSteps = 0|})]\n[GanData(2)]" },
            T with { GanAttributes = "[Gan(CriticSteps = 2)]\n[GanData(2)]" },
            "CriticSteps is 0", "a whole number from 1 to 100", "5 for WGAN"),
        Case("GAN105_RealLabel", T with { GanAttributes = "[Gan({|GAN105:RealLabel = 0.4|})]\n[GanData(2)]" },
            T with { GanAttributes = "[Gan(RealLabel = 0.9)]\n[GanData(2)]" },
            "RealLabel is 0.4", "in (0.5, 1]"),
        Case("GAN105_LearningRate", T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam({|GAN105:LearningRate = 0|})]\npublic partial class G" },
            T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam(LearningRate = 1e-3)]\npublic partial class G" },
            "Adam LearningRate on 'G' is 0", "in (0, 10]"),
        Case("GAN105_Beta1", T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam({|GAN105:Beta1 = 1.0|})]\npublic partial class G" },
            T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam(Beta1 = 0.5)]\npublic partial class G" },
            "Adam Beta1 on 'G' is 1", "in [0, 1)"),
        Case("GAN105_PenaltyWeight", Wgangp with { GanAttributes = "[Gan(Loss = GanLoss.Wasserstein), GradientPenalty({|GAN105:-1|})]\n[GanData(2)]" }, Wgangp,
            "GradientPenalty Weight is -1", "the paper uses 10"),
        Case("GAN106_NotPartial", T with { GeneratorLayers = Generator("[Dense(16), ReLU] public Linear {|GAN106:Hidden|} { get; } = null!;") }, T,
            "Layer 'Hidden' must be declared as a partial, non-static property with only a getter"),
        Case("GAN106_Setter", T with { GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear {|GAN106:Hidden|} { get; set; }") }, T,
            "Layer 'Hidden' must be declared as a partial"),
        Case("GAN107", T with { GeneratorLayers = Generator("[Dense(16), ReLU] public partial BatchNorm1d {|GAN107:Hidden|} { get; }") }, T,
            "Layer 'Hidden' is declared [Dense]", "must be 'TorchSharp.Modules.Linear', not 'TorchSharp.Modules.BatchNorm1d'"),
        Case("GAN108", T with
            {
                Prelude = "public sealed class SwishAttribute : OperationAttribute { }",
                GeneratorLayers = Generator("[Dense(16), ReLU, {|GAN108:Swish|}] public partial Linear Hidden { get; }"),
            },
            T with { GeneratorLayers = Generator("[Dense(16), SiLU] public partial Linear Hidden { get; }") },
            "[Swish] on 'Hidden' is not a layer GanGen knows"),
        Case("GAN108_Regularizer", T with
            {
                Prelude = "public sealed class MyPenaltyAttribute : RegularizerAttribute { }",
                GanAttributes = "[Gan, {|GAN108:MyPenalty|}]\n[GanData(2)]",
            },
            T, "[MyPenalty] on 'ToyGan' is not"),
        Case("GAN109", T with { GeneratorHeader = "[GanGenerator(Latent = 4)]\npublic partial class {|GAN109:Generator|}" }, T,
            "Network 'Generator' has the name of a member every GAN trainer has", "'GeneratorNetwork'"),
        Case("GAN110", T with { GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear {|GAN110:Summary|} { get; }") },
            T with { GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear Hidden { get; }") },
            "Layer 'Summary' has the name of a member GanGen generates", "'SummaryLayer'"),
        Case("GAN111", T with { GeneratorHeader = "[GanGenerator(Latent = 4)]\npublic partial class G", Extra = "[{|GAN111:GanGenerator|}]\npublic partial class G\n{\n}" }, T,
            "'G' is marked [GanGenerator] on more than one of its partial declarations"),
        Case("GAN113_LearningRate", T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam({|GAN113:LearningRate = 0.2|})]\npublic partial class G" },
            T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam(LearningRate = 2e-4)]\npublic partial class G" },
            "Adam LearningRate on 'G' is 0.2, outside the usual [1E-06, 0.01]", "slipped exponent"),
        Case("GAN113_Beta1", T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam({|GAN113:Beta1 = 0.9|})]\npublic partial class G" },
            T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam(Beta1 = 0.5)]\npublic partial class G" },
            "Adam Beta1 on 'G' is 0.9, outside the usual [0, 0.9)", "Radford et al. (2015)"),
        Case("GAN113_Slope", T with { DiscriminatorLayers = Discriminator("[Dense(16), LeakyReLU({|GAN113:1.5|})] public partial Linear Hidden { get; }") }, T,
            "LeakyReLU Slope on 'Hidden' is 1.5, outside the usual [0, 1)", "no longer leaky"),
        Case("GAN112_Embedding", Conditional with { GeneratorHeader = "[GanGenerator(Latent = 4, Condition = Conditioning.Concatenate, {|GAN112:Embedding = 8|})]\npublic partial class G" },
            Conditional, "Embedding has no effect without Condition = Conditioning.Embedding"),
        Case("GAN112_Latent", Refiner with { GeneratorHeader = "[GanGenerator({|GAN112:Latent = 8|}, Input = GeneratorInput.Source)]\npublic partial class G" },
            Refiner, "Latent has no effect with Input = GeneratorInput.Source"),
        Case("GAN112_ClassWeight", Conditional with { DiscriminatorHeader = "[GanDiscriminator(Condition = Conditioning.Projection, {|GAN112:ClassWeight = 2|})]\npublic partial class D" },
            Conditional, "ClassWeight has no effect without Condition = Conditioning.Auxiliary"),

        // GAN2xx: topology
        Case("GAN201", T.WithoutGenerator() with { Declaration = "public partial class {|GAN201:ToyGan|}" }, T,
            "GAN 'ToyGan' has no generator", "[GanGenerator]"),
        Case("GAN202", T.WithoutDiscriminator() with { Declaration = "public partial class {|GAN202:ToyGan|}" }, T,
            "GAN 'ToyGan' has no discriminator", "[GanDiscriminator]"),
        Case("GAN203", T with { Extra = "[GanDiscriminator]\npublic partial class {|GAN203:D2|}\n{\n    " + DiscriminatorScore + "\n}" }, T,
            "GAN 'ToyGan' already has discriminator 'D'"),
        Case("GAN204", T with { GeneratorHeader = "[GanGenerator(Latent = 4)]\npublic partial class {|GAN204:G|}", GeneratorLayers = "" }, T,
            "Generator 'G' has no layers"),
        Case("GAN205_TwoLayers", T with { GeneratorLayers = Generator("[Dense(16), LayerNorm, ReLU] public partial Linear {|GAN205:Hidden|} { get; }") }, T,
            "'Hidden' has 2 layer attributes", "exactly one layer"),
        Case("GAN205_NoLayer", T with
            {
                GeneratorLayers = "[Dense(16)] public partial Linear Hidden { get; }\n[ReLU] public partial Linear {|GAN205:Activation|} { get; }\n" + GeneratorOutput,
            },
            T, "'Activation' has 0 layer attributes"),
        // Without a flatten layer a generator only produces flat samples, so a shape a discriminator's Dense cannot take
        // always also mismatches the generator's output: GAN206 comes with GAN207.
        Case("GAN206", T with
            {
                GanAttributes = "[Gan]\n[GanData(1, 2)]",
                GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear Hidden { get; }", "[{|GAN207:Dense(2)|}] public partial Linear Output { get; }"),
                DiscriminatorLayers = Discriminator("[{|GAN206:Dense(16)|}, LeakyReLU(0.2)] public partial Linear Hidden { get; }"),
            },
            T, "Dense 'Hidden' cannot take input [1, 2]", "flatten it first"),
        Case("GAN207", T with { GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear Hidden { get; }", "[{|GAN207:Dense(3)|}] public partial Linear Output { get; }") }, T,
            "Generator 'G' produces [3] per sample, but [GanData] declares [2]"),
        Case("GAN208", T with { DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[{|GAN208:Dense(2)|}] public partial Linear Score { get; }" }, T,
            "Discriminator 'D' produces [2] per sample", "one score [1]"),
        Case("GAN209", T with
            {
                DiscriminatorLayers = Discriminator(
                    "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n" +
                    "[Dense(16), LeakyReLU(0.2)] public partial Linear {|GAN209:Hidden|} { get; }"),
            },
            T, "Discriminator 'D' already has a layer named 'Hidden'"),
        Case("GAN208_PatchMapNotDeclared", Patches with { DiscriminatorLayers = "[{|GAN208:Conv2d(1, Kernel = 4, Stride = 2, Padding = 1)|}] public partial Conv2d Patches { get; }" },
            Patches with { DiscriminatorHeader = PatchMapHeader, DiscriminatorLayers = "[Conv2d(1, Kernel = 4, Stride = 2, Padding = 1)] public partial Conv2d Patches { get; }" },
            "Discriminator 'D' produces [1, 4, 4] per sample", "declare [GanDiscriminator(Output = DiscriminatorOutput.PatchMap)]"),
        Case("GAN210_OneScore", T with { DiscriminatorHeader = PatchMapHeader, DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[{|GAN210:Dense(1)|}] public partial Linear Score { get; }" }, T,
            "'D' declares Output = DiscriminatorOutput.PatchMap", "but it produces [1]", "remove Output = PatchMap"),
        Case("GAN210_Channels", Patches with { DiscriminatorHeader = PatchMapHeader, DiscriminatorLayers = "[{|GAN210:Conv2d(4, Kernel = 4, Stride = 2, Padding = 1)|}] public partial Conv2d Patches { get; }" },
            Patches with { DiscriminatorHeader = PatchMapHeader, DiscriminatorLayers = "[Conv2d(1, Kernel = 4, Stride = 2, Padding = 1)] public partial Conv2d Patches { get; }" },
            "produces [4, 4, 4]", "give its last convolution 1 output channel instead of 4"),
        Case("GAN211", T with { DiscriminatorLayers = Discriminator("[Dense(16, Bias = false)] public partial Linear Hidden { get; }\n[{|GAN211:BatchNorm1d|}, LeakyReLU(0.2)] public partial BatchNorm1d Norm { get; }") },
            T with { DiscriminatorLayers = Discriminator("[Dense(16)] public partial Linear Hidden { get; }\n[LayerNorm, LeakyReLU(0.2)] public partial LayerNorm Norm { get; }") },
            "Discriminator 'D' batch-normalises the output of its input layer in 'Norm'"),
        Case("GAN212", T with { GeneratorLayers = Generator("[{|GAN212:Dense(16)|}] public partial Linear Hidden { get; }\n[BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }") },
            T with { GeneratorLayers = Generator("[Dense(16, Bias = false)] public partial Linear Hidden { get; }\n[BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }") },
            "'Hidden' adds a bias that the following BatchNorm 'Norm' subtracts again", "Bias = false"),
        Case("GAN212_Convolution", Images with { GeneratorLayers = "[Dense(128), Reshape(8, 4, 4)] public partial Linear Project { get; }\n[{|GAN212:ConvTranspose2d(8, Kernel = 3, Stride = 1, Padding = 1)|}] public partial ConvTranspose2d Up { get; }\n[BatchNorm2d, ReLU] public partial BatchNorm2d Norm { get; }\n[Conv2d(1, Padding = 1), Tanh] public partial Conv2d Output { get; }" },
            Images, "'Up' adds a bias that the following BatchNorm 'Norm' subtracts again"),
        Case("GAN213", T with { GeneratorHeader = "[GanGenerator(Latent = 4, {|GAN213:Condition = Conditioning.Embedding|})]\npublic partial class G" }, T,
            "'G' declares Condition = Conditioning.Embedding, but [GanData] declares no classes", "Classes ="),
        Case("GAN214_Role", Conditional with { GeneratorHeader = "[GanGenerator(Latent = 4, {|GAN214:Condition = Conditioning.Projection|})]\npublic partial class G" }, Conditional,
            "'G' cannot be conditioned with Projection", "a generator takes Concatenate, Embedding or BatchNorm"),
        Case("GAN214_Pack", Conditional with { GanAttributes = "[Gan(Pack = 2)]\n[GanData(2, Classes = 3)]", DiscriminatorHeader = "[GanDiscriminator({|GAN214:Condition = Conditioning.Projection|})]\npublic partial class D" }, Conditional,
            "'D' cannot be conditioned with Projection", "use Pack = 1"),
        Case("GAN214_PatchMap", Patches with
            {
                GanAttributes = "[Gan]\n[GanData(1, 8, 8, Classes = 3)]",
                GeneratorHeader = "[GanGenerator(Latent = 4, Condition = Conditioning.Embedding)]\npublic partial class G",
                DiscriminatorHeader = "[GanDiscriminator(Output = DiscriminatorOutput.PatchMap, {|GAN214:Condition = Conditioning.Projection|})]\npublic partial class D",
                DiscriminatorLayers = "[Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2)] public partial Conv2d Down { get; }\n[Conv2d(1, Padding = 1)] public partial Conv2d Patches { get; }",
            },
            Conditional, "'D' cannot be conditioned with Projection", "not to a map of patch scores"),
        Case("GAN215", Conditional with { GeneratorHeader = "[GanGenerator(Latent = 4, {|GAN215:Condition = Conditioning.BatchNorm|})]\npublic partial class G" },
            Conditional with
            {
                GeneratorHeader = "[GanGenerator(Latent = 4, Condition = Conditioning.BatchNorm)]\npublic partial class G",
                GeneratorLayers = "[Dense(16, Bias = false)] public partial Linear Hidden { get; }\n[BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }\n" + GeneratorOutput,
            },
            "'G' declares Condition = Conditioning.BatchNorm, but has no [BatchNorm1d] or [BatchNorm2d] layer"),
        Case("GAN216_Generator", Conditional with { GeneratorHeader = "[GanGenerator(Latent = 4, {|GAN216:Condition = Conditioning.Embedding|})]\npublic partial class G", DiscriminatorHeader = "[GanDiscriminator]\npublic partial class D" },
            Conditional, "'G' is conditioned on the label but 'D' is not", "learns to ignore its label"),
        Case("GAN216_Discriminator", Conditional with { GeneratorHeader = "[GanGenerator(Latent = 4)]\npublic partial class G", DiscriminatorHeader = "[GanDiscriminator({|GAN216:Condition = Conditioning.Projection|})]\npublic partial class D" },
            Conditional, "'D' is conditioned on the label but 'G' is not", "cannot produce the class"),
        Case("GAN218", Images with { DiscriminatorLayers = "[{|GAN218:Conv2d(8, Kernel = 2, Stride = 3)|}, LeakyReLU(0.2), Flatten] public partial Conv2d Down { get; }\n" + DiscriminatorScore },
            Images, "Conv2d 'Down' on input [1, 4, 4]", "⌊(4 + 2·0 − 1·(2 − 1) − 1) / 3⌋ + 1 = 1", "the last 2 rows of 4 (rows 3–4) are never read"),
        Case("GAN219_Generator", T with { GeneratorLayers = Generator("[Dense(16), ReLU, {|GAN219:MinibatchStdDev|}] public partial Linear Hidden { get; }") }, T,
            "[MinibatchStdDev] on 'Hidden' does not apply: 'G' is a generator"),
        Case("GAN219_SpectralNorm", T with { DiscriminatorLayers = Discriminator("[Dense(16)] public partial Linear Hidden { get; }\n[LayerNorm, {|GAN219:SpectralNorm|}, LeakyReLU(0.2)] public partial LayerNorm Norm { get; }") },
            T with { DiscriminatorLayers = Discriminator("[Dense(16), SpectralNorm, LeakyReLU(0.2)] public partial Linear Hidden { get; }") },
            "[SpectralNorm] on 'Norm' does not apply", "LayerNorm has none"),
        Case("GAN219_FeatureMatching", T with { DiscriminatorLayers = Discriminator("[Dense(16), LeakyReLU(0.2), FeatureMatching] public partial Linear Hidden { get; }\n[Dense(16), LeakyReLU(0.2), {|GAN219:FeatureMatching|}] public partial Linear Hidden2 { get; }") },
            T with { DiscriminatorLayers = Discriminator("[Dense(16), LeakyReLU(0.2), FeatureMatching] public partial Linear Hidden { get; }") },
            "'D' already marks its features for matching"),
        Case("GAN230", T with { GeneratorLayers = Generator("[Dense(4), ReLU] public partial Linear Hidden { get; }\n[Dense(4), Add({|GAN230:\"Nowhere\"|})] public partial Linear Hidden2 { get; }") },
            T with { GeneratorLayers = Generator("[Dense(4), ReLU] public partial Linear Hidden { get; }\n[Dense(4), Add(nameof(Hidden))] public partial Linear Hidden2 { get; }") },
            "[Add] on 'Hidden2' names 'Nowhere', but generator 'G' has no such node", "nameof(Hidden)", "Node.Input"),
        Case("GAN231", T with { GeneratorLayers = Generator("[Dense(4), Add({|GAN231:nameof(Hidden2)|})] public partial Linear Hidden { get; }\n[Dense(4)] public partial Linear Hidden2 { get; }") },
            T with { GeneratorLayers = Generator("[Dense(4), Add(Node.Input)] public partial Linear Hidden { get; }\n[Dense(4)] public partial Linear Hidden2 { get; }") },
            "[Add] on 'Hidden' names 'Hidden2', which is declared after it", "a network has no cycle"),
        Case("GAN232", T with { GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear {|GAN232:Side|} { get; }\n[From(Node.Input), Dense(16), ReLU] public partial Linear Hidden { get; }") },
            T with { GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear Side { get; }\n[From(Node.Input), Dense(16), ReLU, Concat(nameof(Side))] public partial Linear Hidden { get; }") },
            "Nothing reads the output of 'Side' in generator 'G'", "the next node reads the input"),
        Case("GAN233", T with { Prelude = "[GanBlock]\npublic partial class Loop\n{\n    [Dense(4)] public partial Linear A { get; }\n    public partial Loop {|GAN233:Again|} { get; }\n}",
                GeneratorLayers = Generator("public partial Loop Body { get; }") },
            T with { Prelude = "[GanBlock]\npublic partial class Loop\n{\n    [Dense(4)] public partial Linear A { get; }\n}", GeneratorLayers = Generator("public partial Loop Body { get; }") },
            "'Demo.Loop' is a node of block 'Loop', which contains 'Demo.Loop' again"),
        Case("GAN234", T with { Prelude = "[GanBlock]\npublic partial class Mlp\n{\n    [Dense(8), ReLU] public partial Linear A { get; }\n}", GeneratorLayers = Generator("public partial Mlp First { get; }\npublic partial Mlp {|GAN234:Second|} { get; }\n[Dense(2)] public partial Linear Last { get; }", "") },
            T with { Prelude = "[GanBlock]\npublic partial class Mlp\n{\n    [Dense(8), ReLU] public partial Linear A { get; }\n}", GeneratorLayers = Generator("[Dense(8)] public partial Linear Widen { get; }\npublic partial Mlp First { get; }\npublic partial Mlp Second { get; }\n[Dense(2)] public partial Linear Last { get; }", "") },
            "Block 'Mlp' is used as 'First' on [4], but as 'Second' on [8]", "declare another [GanBlock] class"),
        Case("GAN235", T with { Prelude = "[GanBlock]\npublic partial class Mlp\n{\n    [Dense(8), ReLU] public partial Linear A { get; }\n}", GeneratorLayers = Generator("[{|GAN235:Dense(4)|}] public partial Mlp Body { get; }") },
            T with { Prelude = "[GanBlock]\npublic partial class Mlp\n{\n    [Dense(8), ReLU] public partial Linear A { get; }\n}", GeneratorLayers = Generator("[ReLU] public partial Mlp Body { get; }") },
            "'Body' is a Mlp block; it takes operations after the block", "not the layer [Dense]"),
        Case("GAN217", T with { GanAttributes = "[Gan]\n[{|GAN217:GanData(2, Classes = 3)|}]" }, T,
            "[GanData] declares 3 classes, but neither 'G' nor 'D' declares a Condition"),

        // GAN3xx: loss
        Case("GAN301", T with { DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1), {|GAN301:Sigmoid|}] public partial Linear Score { get; }" }, T,
            "Discriminator 'D' ends in Sigmoid", "the NonSaturating loss takes raw scores"),
        Case("GAN302", Wgangp with { DiscriminatorLayers = Discriminator(WganGpCritic("[{|GAN302:BatchNorm1d|}, LeakyReLU(0.2)] public partial BatchNorm1d Norm { get; }")) },
            Wgangp with { DiscriminatorLayers = Discriminator(WganGpCritic("[LayerNorm, LeakyReLU(0.2)] public partial LayerNorm Norm { get; }")) },
            "Critic 'D' uses BatchNorm1d in 'Norm'", "use [LayerNorm]"),
        Case("GAN303_RealLabel", T with { GanAttributes = "[Gan(Loss = GanLoss.Hinge, {|GAN303:RealLabel = 0.9|})]\n[GanData(2)]" },
            T with { GanAttributes = "[Gan(Loss = GanLoss.NonSaturating, RealLabel = 0.9)]\n[GanData(2)]" },
            "RealLabel applies only to the Minimax or NonSaturating loss, but the declared loss is Hinge"),
        Case("GAN304", T with
            {
                GanAttributes = "[Gan]\n[GanData(2, Range = DataRange.MinusOneToOne)]",
                GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear Hidden { get; }", "[{|GAN304:Dense(2)|}] public partial Linear Output { get; }"),
            },
            T with
            {
                GanAttributes = "[Gan]\n[GanData(2, Range = DataRange.MinusOneToOne)]",
                GeneratorLayers = Generator("[Dense(16), ReLU] public partial Linear Hidden { get; }", "[Dense(2), Tanh] public partial Linear Output { get; }"),
            },
            "Generator 'G' ends in Dense", "Range = MinusOneToOne, which needs a final [Tanh]"),
        Case("GAN308_Tanh", T with { DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1), {|GAN308:Tanh|}] public partial Linear Score { get; }" }, T,
            "Discriminator 'D' ends in Tanh, which keeps its scores within (−1, 1)", "σ(1) = 0.73"),
        Case("GAN308_ReLU", Wgangp with { DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1), {|GAN308:ReLU|}] public partial Linear Score { get; }" }, Wgangp,
            "Discriminator 'D' ends in ReLU, which keeps its scores non-negative, but the Wasserstein loss needs critic scores of both signs"),
        Case("GAN305", T with { GanAttributes = "[Gan(Loss = GanLoss.Wasserstein), {|GAN305:GradientPenalty|}, WeightClip]\n[GanData(2)]" }, Wgangp,
            "[GradientPenalty] and [WeightClip] cannot be combined", "keep one"),
        Case("GAN306", T with { GanAttributes = "[Gan({|GAN306:Loss = GanLoss.Wasserstein|})]\n[GanData(2)]" }, Wgangp,
            "'ToyGan' trains a Wasserstein critic without a constraint", "add [GradientPenalty]"),
        Case("GAN305_Unrolled", T with { GanAttributes = "[Gan, {|GAN305:Unrolled|}, ImageHistory]\n[GanData(2)]" }, T with { GanAttributes = "[Gan, Unrolled]\n[GanData(2)]" },
            "[Unrolled] and [ImageHistory] cannot be combined", "not rolled back"),
        Case("GAN305_UnrolledLeCam", T with { GanAttributes = "[Gan, {|GAN305:Unrolled|}, LeCam]\n[GanData(2)]" }, T with { GanAttributes = "[Gan, LeCam]\n[GanData(2)]" },
            "[Unrolled] and [LeCam] cannot be combined", "moving averages"),
        Case("GAN307_Relativistic", Wgangp with { GanAttributes = "[Gan(Loss = GanLoss.Wasserstein), GradientPenalty, {|GAN307:Relativistic|}]\n[GanData(2)]" },
            T with { GanAttributes = "[Gan, Relativistic]\n[GanData(2)]" },
            "[Relativistic] does not apply here", "relativistic already"),
        Case("GAN307_LabelFlip", T with { GanAttributes = "[Gan(Loss = GanLoss.Hinge), {|GAN307:LabelFlip(0.05)|}]\n[GanData(2)]" },
            T with { GanAttributes = "[Gan, LabelFlip(0.05)]\n[GanData(2)]" },
            "[LabelFlip] does not apply here", "targets to flip"),
        Case("GAN307_AdaptiveSchedule", Wgangp with { GanAttributes = "[Gan(Loss = GanLoss.Wasserstein), GradientPenalty, {|GAN307:AdaptiveSchedule|}]\n[GanData(2)]" },
            T with { GanAttributes = "[Gan, AdaptiveSchedule]\n[GanData(2)]" },
            "[AdaptiveSchedule] does not apply here"),
        Case("GAN307_SelfRegularization", T with { GanAttributes = "[Gan, {|GAN307:SelfRegularization(0.5)|}]\n[GanData(2)]" }, Refiner,
            "[SelfRegularization] does not apply here", "Input = GeneratorInput.Source"),
        Case("GAN307_ImageHistory", Conditional with { GanAttributes = "[Gan, {|GAN307:ImageHistory|}]\n[GanData(2, Classes = 3)]" }, Conditional,
            "[ImageHistory] does not apply here", "without their labels"),
        Case("GAN307_DiffAugmentData", T with { GanAttributes = "[Gan, {|GAN307:DiffAugment|}]\n[GanData(2)]" },
            Images with { GanAttributes = "[Gan, DiffAugment]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]" },
            "[DiffAugment] does not apply here", "it augments images [C, H, W], but each sample is [2]"),
        Case("GAN307_DiffAugmentNone", Images with { GanAttributes = "[Gan, DiffAugment({|GAN307:Augmentations.None|})]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]" },
            Images with { GanAttributes = "[Gan, DiffAugment(Augmentations.Translation | Augmentations.Cutout)]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]" },
            "[DiffAugment] does not apply here", "its policy is None"),
        Case("GAN105_DiffAugmentPolicy", Images with { GanAttributes = "[Gan, DiffAugment({|GAN105:(Augmentations)8|})]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]" },
            Images with { GanAttributes = "[Gan, DiffAugment(Augmentations.Color)]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]" },
            "DiffAugment Policy is 8", "a combination (with |) of None, Color, Translation, Cutout"),

        // GAN4xx: optimization
        Case("GAN402", T with
            {
                GanAttributes = "[Gan(Loss = GanLoss.Wasserstein), WeightClip]\n[GanData(2)]",
                DiscriminatorHeader = "[GanDiscriminator, {|GAN402:Adam|}]\npublic partial class D",
            },
            T with { GanAttributes = "[Gan(Loss = GanLoss.Wasserstein), WeightClip]\n[GanData(2)]", DiscriminatorHeader = "[GanDiscriminator, RMSprop]\npublic partial class D" },
            "Discriminator 'D' uses Adam with momentum (Beta1 = 0.5)", "declare [RMSprop] or set Beta1 = 0"),
        Case("GAN401", T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam, {|GAN401:RMSprop|}]\npublic partial class G" },
            T with { GeneratorHeader = "[GanGenerator(Latent = 4), Adam]\npublic partial class G" },
            "Generator 'G' declares more than one optimizer"),
    };

    /// <summary>Case names for [MemberData]: the ID, then a variant when an ID has several cases.</summary>
    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public static DiagnosticCase Get(string name) => All.Single(c => c.Name == name);

    private static ToyGan Wgangp => T with { GanAttributes = "[Gan(Loss = GanLoss.Wasserstein), GradientPenalty]\n[GanData(2)]" };

    /// <summary>Three classes; a generator with a label embedding and a projection discriminator.</summary>
    private static ToyGan Conditional => T with
    {
        GanAttributes = "[Gan]\n[GanData(2, Classes = 3)]",
        GeneratorHeader = "[GanGenerator(Latent = 4, Condition = Conditioning.Embedding)]\npublic partial class G",
        DiscriminatorHeader = "[GanDiscriminator(Condition = Conditioning.Projection)]\npublic partial class D",
    };

    /// <summary>A refiner of 2-D points with self-regularisation.</summary>
    private static ToyGan Refiner => T with
    {
        GanAttributes = "[Gan, SelfRegularization(0.5)]\n[GanData(2)]",
        GeneratorHeader = "[GanGenerator(Input = GeneratorInput.Source)]\npublic partial class G",
    };

    /// <summary>4×4 one-channel images from a transposed-convolution generator.</summary>
    private static ToyGan Images => T with
    {
        GanAttributes = "[Gan]\n[GanData(1, 4, 4, Range = DataRange.MinusOneToOne)]",
        GeneratorLayers = "[Dense(128), Reshape(8, 4, 4)] public partial Linear Project { get; }\n[Conv2d(1, Padding = 1), Tanh] public partial Conv2d Output { get; }",
        DiscriminatorLayers = "[Conv2d(8, Padding = 1), LeakyReLU(0.2), Flatten] public partial Conv2d Down { get; }\n" + DiscriminatorScore,
    };

    private static string WganGpCritic(string normalisation) =>
        "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }\n" +
        "[Dense(16, Bias = false)] public partial Linear Hidden2 { get; }\n" +
        normalisation;

    private static DiagnosticCase Case(string name, ToyGan bad, ToyGan valid, params string[] messageParts) =>
        new(name, name.Split('_')[0], bad.ToString(), valid.ToString(), messageParts);
}
