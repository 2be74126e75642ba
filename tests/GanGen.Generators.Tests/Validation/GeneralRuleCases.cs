using System.Collections.Generic;
using System.Linq;
using GanGen.Generators.Tests.Infrastructure;

namespace GanGen.Generators.Tests.Validation;

/// <summary>
/// One declaration per rule and per context it concerns (each loss, each network, graph nodes, blocks, the newer
/// attributes): markup marks exactly where each expected diagnostic goes, and <see cref="Fragment"/> is a phrase of
/// its message. A row without markup is a valid declaration that must produce no diagnostic and compile.
/// </summary>
public sealed record GeneralRuleCase(string Name, string Markup, string? Fragment)
{
    public override string ToString() => Name;
}

internal static class GeneralRuleCases
{
    private static readonly ToyGan T = ToyGan.Valid;

    private const string Hidden = "[Dense(16), LeakyReLU(0.2)] public partial Linear Hidden { get; }";
    private const string Score = "[Dense(1)] public partial Linear Score { get; }";

    private static string Gan(string gan, string data = "2") => $"{gan}\n[GanData({data})]";

    /// <summary>The losses a discriminator's last activation is judged against, as the [Gan] attributes that declare them.</summary>
    private static readonly (string Name, string Attributes)[] Losses =
    {
        ("NonSaturating", "[Gan]"),
        ("Minimax", "[Gan(Loss = GanLoss.Minimax)]"),
        ("Hinge", "[Gan(Loss = GanLoss.Hinge)]"),
        ("Wasserstein", "[Gan(Loss = GanLoss.Wasserstein), GradientPenalty]"),
        ("RelativisticHinge", "[Gan(Loss = GanLoss.Hinge), Relativistic]"),
    };

    /// <summary>An activation, marked with <paramref name="id"/> unless null.</summary>
    private static string Mark(string text, string? id) => id is null ? text : $"{{|{id}:{text}|}}";

    /// <summary>A discriminator whose score comes from a block's last layer, flattened after the block.</summary>
    private static ToyGan ScoreInBlock(string gan, string activation, string? id) => T with
    {
        GanAttributes = Gan(gan),
        Prelude = $"[GanBlock]\npublic partial class Head\n{{\n    [Dense(1), {Mark(activation, id)}] public partial Linear Score {{ get; }}\n}}",
        DiscriminatorLayers = Hidden + "\n[Flatten] public partial Head Out { get; }",
    };

    /// <summary>A discriminator whose last node is an Identity reading the scored node.</summary>
    private static ToyGan ScoreThroughIdentity(string gan, string activation, string? id) => T with
    {
        GanAttributes = Gan(gan),
        DiscriminatorLayers = Hidden + $"\n[Dense(1), {Mark(activation, id)}] public partial Linear Score {{ get; }}\n[Identity] public partial Identity Out {{ get; }}",
    };

    private static IEnumerable<GeneralRuleCase> OutputActivationRows()
    {
        foreach (var (loss, gan) in Losses)
        {
            string sigmoid = loss.StartsWith("Relativistic") ? "Hinge" : loss;
            yield return Row($"GAN301_SigmoidInBlock_{loss}", ScoreInBlock(gan, "Sigmoid", "GAN301"), $"ends in Sigmoid, but the {sigmoid} loss takes raw scores");
            yield return Row($"GAN301_SigmoidThroughIdentity_{loss}", ScoreThroughIdentity(gan, "Sigmoid", "GAN301"), "ends in Sigmoid");
            yield return Row($"GAN308_TanhInBlock_{loss}", ScoreInBlock(gan, "Tanh", "GAN308"), "ends in Tanh, which keeps its scores within (−1, 1)");
            yield return Row($"GAN308_ReLUThroughIdentity_{loss}", ScoreThroughIdentity(gan, "ReLU", "GAN308"), "ends in ReLU, which keeps its scores non-negative");
            yield return Valid($"Valid_LinearScoreInBlock_{loss}", T with
            {
                GanAttributes = Gan(gan),
                Prelude = "[GanBlock]\npublic partial class Head\n{\n    [Dense(1)] public partial Linear Score { get; }\n}",
                DiscriminatorLayers = Hidden + "\n[Flatten] public partial Head Out { get; }",
            });
        }
        // Relativistic least squares targets score differences of ±1, which sigmoid scores cannot reach; plain least squares' 0 and 1 they can.
        const string relativisticSquares = "[Gan(Loss = GanLoss.LeastSquares), Relativistic]";
        yield return Row("GAN308_Sigmoid_RelativisticLeastSquares", T with
        {
            GanAttributes = Gan(relativisticSquares),
            DiscriminatorLayers = Hidden + "\n[Dense(1), {|GAN308:Sigmoid|}] public partial Linear Score { get; }",
        }, "the relativistic LeastSquares loss needs a real score 1 above the average fake score");
        yield return Row("GAN308_SigmoidInBlock_RelativisticLeastSquares", ScoreInBlock(relativisticSquares, "Sigmoid", "GAN308"), "within (0, 1)");
        yield return Valid("Valid_SigmoidInBlock_LeastSquares", ScoreInBlock("[Gan(Loss = GanLoss.LeastSquares)]", "Sigmoid", null));
        yield return Valid("Valid_TanhThroughIdentity_LeastSquares", ScoreThroughIdentity("[Gan(Loss = GanLoss.LeastSquares)]", "Tanh", null));
        yield return Valid("Valid_Tanh_RelativisticLeastSquares", ScoreThroughIdentity(relativisticSquares, "Tanh", null));
    }

    /// <summary>Generators of 4-wide samples in [−1, 1] (or [0, 1]) whose output is joined, passed through, or made in a block.</summary>
    private static IEnumerable<GeneralRuleCase> GeneratorRangeRows()
    {
        foreach (var (range, activation) in new[] { ("MinusOneToOne", "Tanh"), ("ZeroToOne", "Sigmoid") })
        {
            string gan = Gan("[Gan]", $"4, Range = DataRange.{range}");
            yield return Row($"GAN304_ConcatWithLatent_{range}", T with
            {
                GanAttributes = gan,
                GeneratorHeader = "[GanGenerator(Latent = 2)]\npublic partial class G",
                GeneratorLayers = $"[Dense(2), {activation}, {{|GAN304:Concat(Node.Input)|}}] public partial Linear Output {{ get; }}",
            }, $"ends in Concat, but [GanData] declares Range = {range}, which needs a final [{activation}]");
            yield return Row($"GAN304_ConcatWithUnboundedBranch_{range}", T with
            {
                GanAttributes = gan,
                GeneratorLayers = "[{|GAN304:Dense(2)|}] public partial Linear Side { get; }\n" +
                    $"[From(Node.Input), Dense(2), {activation}, Concat(nameof(Side))] public partial Linear Output {{ get; }}",
            }, "ends in Dense");
            yield return Row($"GAN304_InBlock_{range}", T with
            {
                GanAttributes = gan,
                Prelude = "[GanBlock]\npublic partial class Head\n{\n    [{|GAN304:Dense(4)|}] public partial Linear Last { get; }\n}",
                GeneratorLayers = "[Dense(16), ReLU] public partial Linear Hidden { get; }\n[Reshape(4)] public partial Head Output { get; }",
            }, "ends in Dense");
            yield return Valid($"Valid_IdentityAfterActivation_{range}", T with
            {
                GanAttributes = gan,
                GeneratorLayers = $"[Dense(16), ReLU] public partial Linear Hidden {{ get; }}\n[Dense(4), {activation}] public partial Linear Output {{ get; }}\n[Identity] public partial Identity Out {{ get; }}",
            });
            yield return Valid($"Valid_ActivationInBlock_{range}", T with
            {
                GanAttributes = gan,
                Prelude = $"[GanBlock]\npublic partial class Head\n{{\n    [Dense(4), {activation}] public partial Linear Last {{ get; }}\n}}",
                GeneratorLayers = "[Dense(16), ReLU] public partial Linear Hidden { get; }\n[Reshape(4)] public partial Head Output { get; }",
            });
            yield return Valid($"Valid_ConcatOfBoundedBranches_{range}", T with
            {
                GanAttributes = gan,
                GeneratorLayers = $"[Dense(2), {activation}] public partial Linear Side {{ get; }}\n[From(Node.Input), Dense(2), {activation}, Concat(nameof(Side))] public partial Linear Output {{ get; }}",
            });
        }
    }

    /// <summary>A biased layer whose only reader batch-normalises it, when the reader names it with [From], in either network or a block.</summary>
    private static IEnumerable<GeneralRuleCase> BiasBeforeBatchNormRows()
    {
        const string branches =
            "[{|GAN212:Dense(16)|}] public partial Linear Wide { get; }\n" +
            "[From(Node.Input), Dense(16)] public partial Linear Side { get; }\n" +
            "[From(nameof(Wide)), BatchNorm1d, Add(nameof(Side))] public partial BatchNorm1d Norm { get; }";
        yield return Row("GAN212_From_Generator", T with { GeneratorLayers = branches + "\n[Dense(2)] public partial Linear Output { get; }" }, "'Wide' adds a bias that the following BatchNorm 'Norm' subtracts");
        yield return Row("GAN212_From_Discriminator", T with { DiscriminatorLayers = branches + "\n" + Score }, "'Wide' adds a bias");
        yield return Row("GAN212_From_Block", T with
        {
            Prelude = "[GanBlock]\npublic partial class Branches\n{\n" + string.Join("\n", branches.Split('\n').Select(line => "    " + line)) + "\n}",
            GeneratorLayers = "public partial Branches Body { get; }\n[Dense(2)] public partial Linear Output { get; }",
        }, "'Wide' adds a bias");
        const string normAct = "[GanBlock]\npublic partial class NormAct\n{\n    [BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }\n}";
        yield return Row("GAN212_BlockStartingWithBatchNorm_Generator", T with
        {
            Prelude = normAct,
            GeneratorLayers = "[{|GAN212:Dense(16)|}] public partial Linear Hidden { get; }\npublic partial NormAct Body { get; }\n[Dense(2)] public partial Linear Output { get; }",
        }, "'Hidden' adds a bias that the following BatchNorm 'Body' subtracts");
        yield return Row("GAN212_BlockStartingWithBatchNorm_Discriminator", T with
        {
            Prelude = normAct,
            DiscriminatorLayers = "[{|GAN212:Dense(16)|}] public partial Linear Hidden { get; }\npublic partial NormAct Body { get; }\n" + Score,
        }, "'Hidden' adds a bias");
        yield return Row("GAN212_InBlockUsedTwice_ReportedOnce", T with
        {
            Prelude = "[GanBlock]\npublic partial class Layer\n{\n    [{|GAN212:Dense(16)|}] public partial Linear Project { get; }\n    [BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }\n}",
            GeneratorHeader = "[GanGenerator(Latent = 16)]\npublic partial class G",
            GeneratorLayers = "public partial Layer First { get; }\npublic partial Layer Second { get; }\n[Dense(2)] public partial Linear Output { get; }",
        }, "'Project' adds a bias that the following BatchNorm 'Norm' subtracts");
        // A residual block adds its input back: the bias reaches its output unnormalised.
        yield return Valid("Valid_BiasIntoResidualBlockStartingWithBatchNorm", T with
        {
            Prelude = "[GanBlock]\npublic partial class Residual\n{\n    [BatchNorm1d, ReLU] public partial BatchNorm1d Norm { get; }\n    [Dense(16), Add(Node.Input)] public partial Linear Mix { get; }\n}",
            GeneratorLayers = "[Dense(16)] public partial Linear Hidden { get; }\npublic partial Residual Body { get; }\n[Dense(2)] public partial Linear Output { get; }",
        });
        // The bias reaches the sum unnormalised through the Add: it is not redundant.
        yield return Valid("Valid_BiasAlsoReadByAMerge", T with
        {
            GeneratorLayers = "[Dense(16)] public partial Linear Wide { get; }\n[BatchNorm1d, ReLU, Add(nameof(Wide))] public partial BatchNorm1d Norm { get; }\n[Dense(2)] public partial Linear Output { get; }",
        });
    }

    /// <summary>Batch norm on the output of a discriminator's input layer, when that layer is in a block or on a branch off the input.</summary>
    private static IEnumerable<GeneralRuleCase> FirstLayerNormalisationRows()
    {
        static string Stem(string norm) =>
            $"[GanBlock]\npublic partial class Stem\n{{\n    [Dense(16, Bias = false)] public partial Linear Project {{ get; }}\n    [{norm}, LeakyReLU(0.2)] public partial BatchNorm1d Norm {{ get; }}\n}}";
        yield return Row("GAN211_InputLayerInBlock", T with
        {
            Prelude = Stem("{|GAN211:BatchNorm1d|}"),
            DiscriminatorLayers = "public partial Stem In { get; }\n" + Score,
        }, "Discriminator 'D' batch-normalises the output of its input layer in 'Norm'");
        yield return Row("GAN211_BranchOffTheInput", T with
        {
            DiscriminatorLayers = Hidden + "\n[From(Node.Input), Dense(16, Bias = false)] public partial Linear Side { get; }\n" +
                "[{|GAN211:BatchNorm1d|}, LeakyReLU(0.2), Add(nameof(Hidden))] public partial BatchNorm1d Norm { get; }\n" + Score,
        }, "in 'Norm'");
        yield return Valid("Valid_BatchNormStemInGenerator", T with
        {
            Prelude = Stem("BatchNorm1d"),
            GeneratorLayers = "public partial Stem In { get; }\n[Dense(2)] public partial Linear Output { get; }",
        });
    }

    private const string Mlp = "[GanBlock]\npublic partial class Mlp\n{\n    [Dense(8), LeakyReLU(0.2)] public partial Linear A { get; }\n}";
    private const string Activation = "[GanBlock]\npublic partial class Act\n{\n    [Identity, LeakyReLU(0.2)] public partial Identity Pass { get; }\n}";

    /// <summary>[SpectralNorm] on a block with nothing to normalise, and discriminator-only operations on a generator's block node.</summary>
    private static IEnumerable<GeneralRuleCase> PlacementRows()
    {
        yield return Row("GAN219_SpectralNormOnBlockWithoutWeights_Discriminator", T with
        {
            Prelude = Activation,
            DiscriminatorLayers = "[Dense(16)] public partial Linear Hidden { get; }\n[{|GAN219:SpectralNorm|}] public partial Act Activation { get; }\n" + Score,
        }, "[SpectralNorm] on 'Activation' does not apply: on a block it normalises every weight matrix inside, and block 'Act' has none");
        yield return Row("GAN219_SpectralNormOnBlockWithoutWeights_Generator", T with
        {
            Prelude = Activation,
            GeneratorLayers = "[Dense(16)] public partial Linear Hidden { get; }\n[{|GAN219:SpectralNorm|}] public partial Act Activation { get; }\n[Dense(2)] public partial Linear Output { get; }",
        }, "block 'Act' has none");
        yield return Row("GAN219_SpectralNormOnBlockOfWeightlessBlocks", T with
        {
            Prelude = Activation + "\n\n[GanBlock]\npublic partial class Twice\n{\n    public partial Act First { get; }\n    public partial Act Second { get; }\n}",
            DiscriminatorLayers = "[Dense(16)] public partial Linear Hidden { get; }\n[{|GAN219:SpectralNorm|}] public partial Twice Activation { get; }\n" + Score,
        }, "block 'Twice' has none");
        yield return Row("GAN219_MinibatchStdDevOnBlockNode_Generator", T with
        {
            Prelude = Mlp,
            GeneratorLayers = "[{|GAN219:MinibatchStdDev|}] public partial Mlp Body { get; }\n[Dense(2)] public partial Linear Output { get; }",
        }, "[MinibatchStdDev] on 'Body' does not apply: 'G' is a generator");
        yield return Row("GAN219_FeatureMatchingOnBlockNode_Generator", T with
        {
            Prelude = Mlp,
            GeneratorLayers = "[{|GAN219:FeatureMatching|}] public partial Mlp Body { get; }\n[Dense(2)] public partial Linear Output { get; }",
        }, "[FeatureMatching] on 'Body' does not apply: 'G' is a generator");
        yield return Valid("Valid_SpectralNormOnWeightedBlock_Discriminator", T with { Prelude = Mlp, DiscriminatorLayers = "[SpectralNorm] public partial Mlp Body { get; }\n" + Score });
        yield return Valid("Valid_SpectralNormOnWeightedBlock_Generator", T with { Prelude = Mlp, GeneratorLayers = "[SpectralNorm] public partial Mlp Body { get; }\n[Dense(2)] public partial Linear Output { get; }" });
        yield return Valid("Valid_MinibatchStdDevOnBlockNode_Discriminator", T with { Prelude = Mlp, DiscriminatorLayers = "[MinibatchStdDev] public partial Mlp Body { get; }\n" + Score });
    }

    // Without momentum, so that clipping is judged on its own (GAN402 is the momentum rule).
    private const string RMSpropGenerator = "[GanGenerator(Latent = 4), RMSprop]\npublic partial class G";
    private const string RMSpropDiscriminator = "[GanDiscriminator, RMSprop]\npublic partial class D";

    /// <summary>Regularisers against the losses and each other: clipping with either norm-1 penalty, the adaptive schedule with every loss, the critic's constraint.</summary>
    private static IEnumerable<GeneralRuleCase> RegularizerRows()
    {
        foreach (var (loss, gan) in new[] { ("NonSaturating", "[Gan, {|GAN305:DraganPenalty|}, WeightClip]"), ("Wasserstein", "[Gan(Loss = GanLoss.Wasserstein), {|GAN305:DraganPenalty|}, WeightClip]") })
            yield return Row($"GAN305_DraganWithWeightClip_{loss}", T with { GanAttributes = Gan(gan), GeneratorHeader = RMSpropGenerator, DiscriminatorHeader = RMSpropDiscriminator },
                "[DraganPenalty] and [WeightClip] cannot be combined: both make the critic Lipschitz");
        yield return Row("GAN305_GradientPenaltyWithWeightClip_Wasserstein", T with { GanAttributes = Gan("[Gan(Loss = GanLoss.Wasserstein), {|GAN305:GradientPenalty|}, WeightClip]") },
            "[GradientPenalty] and [WeightClip] cannot be combined");

        // Clipping with momentum, declared or the default Adam's β1 = 0.5 that a loss other than Wasserstein gets.
        yield return Row("GAN402_DefaultAdamWithWeightClip_NonSaturating", T with
        {
            GanAttributes = Gan("[Gan, WeightClip]"),
            GeneratorHeader = RMSpropGenerator,
            DiscriminatorHeader = "[{|GAN402:GanDiscriminator|}]\npublic partial class D",
        }, "Discriminator 'D' uses Adam with momentum (Beta1 = 0.5, the default without an optimizer attribute)");
        yield return Row("GAN402_DeclaredAdamWithWeightClip_Wasserstein", T with
        {
            GanAttributes = Gan("[Gan(Loss = GanLoss.Wasserstein), WeightClip]"),
            DiscriminatorHeader = "[GanDiscriminator, {|GAN402:Adam|}]\npublic partial class D",
        }, "Discriminator 'D' uses Adam with momentum (Beta1 = 0.5)");
        yield return Valid("Valid_DefaultRMSpropWithWeightClip_Wasserstein", T with { GanAttributes = Gan("[Gan(Loss = GanLoss.Wasserstein), WeightClip]") });
        yield return Row("GAN307_AdaptiveSchedule_Minimax", T with { GanAttributes = Gan("[Gan(Loss = GanLoss.Minimax), {|GAN307:AdaptiveSchedule|}]") },
            "the Minimax generator's loss log(1 − D(G(z))) is negative");
        yield return Row("GAN307_AdaptiveSchedule_Hinge", T with { GanAttributes = Gan("[Gan(Loss = GanLoss.Hinge), {|GAN307:AdaptiveSchedule|}]") },
            "the Hinge generator's loss −E C(G(z)) takes either sign");
        yield return Row("GAN307_AdaptiveSchedule_Wasserstein", T with { GanAttributes = Gan("[Gan(Loss = GanLoss.Wasserstein), GradientPenalty, {|GAN307:AdaptiveSchedule|}]") },
            "the Wasserstein generator's loss −E C(G(z)) takes either sign");
        foreach (var (loss, gan) in new[]
        {
            ("NonSaturating", "[Gan, AdaptiveSchedule]"),
            ("LeastSquares", "[Gan(Loss = GanLoss.LeastSquares), AdaptiveSchedule]"),
            ("RelativisticHinge", "[Gan(Loss = GanLoss.Hinge), Relativistic, AdaptiveSchedule]"),
            ("RelativisticMinimax", "[Gan(Loss = GanLoss.Minimax), Relativistic, AdaptiveSchedule]"),
        })
            yield return Valid($"Valid_AdaptiveSchedule_{loss}", T with { GanAttributes = Gan(gan) });

        // Spectral norm on every weighted layer is the critic's Lipschitz constraint (SN-WGAN), directly or through a block.
        yield return Valid("Valid_SpectralCritic_Wasserstein", T with
        {
            GanAttributes = Gan("[Gan(Loss = GanLoss.Wasserstein)]"),
            DiscriminatorLayers = "[Dense(16), SpectralNorm, LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(1), SpectralNorm] public partial Linear Score { get; }",
        });
        yield return Valid("Valid_SpectralBlockCritic_Wasserstein", T with
        {
            GanAttributes = Gan("[Gan(Loss = GanLoss.Wasserstein)]"),
            Prelude = Mlp,
            DiscriminatorLayers = "[SpectralNorm] public partial Mlp Body { get; }\n[Dense(1), SpectralNorm] public partial Linear Score { get; }",
        });
        yield return Row("GAN306_PartlySpectralCritic_Wasserstein", T with
        {
            GanAttributes = Gan("[Gan({|GAN306:Loss = GanLoss.Wasserstein|})]"),
            DiscriminatorLayers = "[Dense(16), SpectralNorm, LeakyReLU(0.2)] public partial Linear Hidden { get; }\n" + Score,
        }, "trains a Wasserstein critic without a constraint");
    }

    /// <summary>The label seen by one network only, for a noise generator and for a refiner, which cannot take it.</summary>
    private static IEnumerable<GeneralRuleCase> ConditionRows()
    {
        const string projection = "[GanDiscriminator({|GAN216:Condition = Conditioning.Projection|})]\npublic partial class D";
        yield return Row("GAN216_DiscriminatorOnly_NoiseGenerator", T with { GanAttributes = Gan("[Gan]", "2, Classes = 3"), DiscriminatorHeader = projection },
            "give it Condition = Conditioning.Embedding");
        yield return Row("GAN216_DiscriminatorOnly_Refiner", T with
        {
            GanAttributes = Gan("[Gan, SelfRegularization(0.5)]", "2, Classes = 3"),
            GeneratorHeader = "[GanGenerator(Input = GeneratorInput.Source)]\npublic partial class G",
            DiscriminatorHeader = projection,
        }, "a refiner takes no label, so it cannot produce the class it is judged against; remove Condition from the discriminator");
        yield return Row("GAN217_LabelsUnused_NoiseGenerator", T with { GanAttributes = "[Gan]\n[{|GAN217:GanData(2, Classes = 3)|}]" }, "condition both networks or remove Classes");
        yield return Row("GAN217_LabelsUnused_Refiner", T with
        {
            GanAttributes = "[Gan, SelfRegularization(0.5)]\n[{|GAN217:GanData(2, Classes = 3)|}]",
            GeneratorHeader = "[GanGenerator(Input = GeneratorInput.Source)]\npublic partial class G",
        }, "a refiner takes no label and a discriminator judging it by class would teach it nothing (GAN216), so remove Classes");
    }

    /// <summary>Graph references and shapes in the discriminator and in blocks, as in the generator.</summary>
    private static IEnumerable<GeneralRuleCase> GraphRows()
    {
        yield return Row("GAN230_Merge_Discriminator", T with { DiscriminatorLayers = "[Dense(16), LeakyReLU(0.2), Add({|GAN230:\"Nowhere\"|})] public partial Linear Hidden { get; }\n" + Score },
            "'Nowhere'");
        yield return Row("GAN231_From_Discriminator", T with { DiscriminatorLayers = "[From({|GAN231:nameof(Score)|}), Dense(16)] public partial Linear Hidden { get; }\n" + Score },
            "which is declared after it");
        yield return Row("GAN231_Merge_Block", T with
        {
            Prelude = "[GanBlock]\npublic partial class Res\n{\n    [Dense(2), Add({|GAN231:nameof(B)|})] public partial Linear A { get; }\n    [Dense(2)] public partial Linear B { get; }\n}",
            DiscriminatorLayers = "public partial Res Body { get; }\n" + Score,
        }, "which is declared after it");
        yield return Row("GAN206_MergeShape_Discriminator", T with
        {
            DiscriminatorLayers = "[Dense(8), LeakyReLU(0.2)] public partial Linear Hidden { get; }\n[Dense(16), {|GAN206:Add(nameof(Hidden))|}] public partial Linear Wide { get; }\n" + Score,
        }, "Add sums equal shapes");
        yield return Row("GAN233_BlocksContainingEachOther", T with
        {
            Prelude = "[GanBlock]\npublic partial class Outer\n{\n    [Dense(2)] public partial Linear A { get; }\n    public partial Inner Nested { get; }\n}\n\n" +
                "[GanBlock]\npublic partial class Inner\n{\n    public partial Outer {|GAN233:Back|} { get; }\n}",
            DiscriminatorLayers = "public partial Outer Body { get; }\n" + Score,
        }, "is a node of block 'Inner', which contains 'Demo.Outer' again");
    }

    public static IReadOnlyList<GeneralRuleCase> All { get; } = OutputActivationRows()
        .Concat(GeneratorRangeRows())
        .Concat(BiasBeforeBatchNormRows())
        .Concat(FirstLayerNormalisationRows())
        .Concat(PlacementRows())
        .Concat(RegularizerRows())
        .Concat(ConditionRows())
        .Concat(GraphRows())
        .ToList();

    public static IEnumerable<object[]> Names => All.Select(row => new object[] { row.Name });

    public static GeneralRuleCase Get(string name) => All.Single(row => row.Name == name);

    private static GeneralRuleCase Row(string name, ToyGan gan, string fragment) => new(name, gan.ToString(), fragment);

    private static GeneralRuleCase Valid(string name, ToyGan gan) => new(name, gan.ToString(), null);
}
