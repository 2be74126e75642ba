using System;
using System.Linq;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;
using GanGen.Runtime.Interop.PyTorch;

namespace GanGen.Generators.Tests.Interop;

/// <summary>
/// The PyTorch twin's catalog entries match GanGen's: every loss (plain and relativistic) has a twin for both
/// networks, label flipping reaches exactly the losses with targets, and every regulariser hooks into the twin's
/// training step exactly where it hooks into GanGen's (a term in the same loss, a statement before the same optimizer
/// step or after the same update, a replacement of the same batch or of what the discriminator sees, an option of the
/// loss, a schedule setting the twin's trainer consults). Step kinds need no such check: their ONNX and Python forms
/// are abstract members, so a kind without them does not compile.
/// </summary>
public sealed class InteropCatalogTests
{
    public static TheoryData<GanLoss, bool> Losses
    {
        get
        {
            var data = new TheoryData<GanLoss, bool>();
            foreach (var loss in Enum.GetValues<GanLoss>())
            {
                data.Add(loss, false);
                // The Wasserstein critic is relativistic already: [Relativistic] is GAN307 with it.
                if (loss != GanLoss.Wasserstein) data.Add(loss, true);
            }
            return data;
        }
    }

    public static TheoryData<string> Regularizers => new(RegularizerCatalog.All.Select(kind => kind.Name).OrderBy(name => name, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Losses))]
    public void Every_loss_has_a_twin_for_both_networks(GanLoss loss, bool relativistic)
    {
        var spec = new LossSpec(loss, 1.0, relativistic);

        Assert.Contains("real_scores", LossCatalog.PythonDiscriminator(spec));
        Assert.Contains("fake_scores", LossCatalog.PythonDiscriminator(spec));
        Assert.Contains("fake_scores", LossCatalog.PythonGenerator(spec));
        // A relativistic generator compares its samples with the average real one, as RelativisticAverageLoss does.
        Assert.Equal(relativistic, LossCatalog.PythonGenerator(spec).Contains("real_scores", StringComparison.Ordinal));
        if (relativistic) Assert.StartsWith("nets.gan." + Kind("Relativistic").PythonField + ".", LossCatalog.PythonDiscriminator(spec));
    }

    [Theory]
    [InlineData(GanLoss.Minimax, true)]
    [InlineData(GanLoss.NonSaturating, true)]
    [InlineData(GanLoss.LeastSquares, true)]
    [InlineData(GanLoss.Wasserstein, false)]
    [InlineData(GanLoss.Hinge, false)]
    public void Label_flipping_draws_real_targets_then_fake_ones_in_the_losses_with_targets(GanLoss loss, bool hasTargets)
    {
        var spec = new LossSpec(loss, 0.9, false);
        if (!hasTargets)
        {
            Assert.Throws<ArgumentException>(() => LossCatalog.PythonDiscriminator(spec, "flip"));
            return;
        }
        string flipped = LossCatalog.PythonDiscriminator(spec, "flip");
        int real = flipped.IndexOf("flip.targets(real_scores", StringComparison.Ordinal), fake = flipped.IndexOf("flip.targets(fake_scores", StringComparison.Ordinal);
        Assert.True(real >= 0 && fake > real, flipped);
        Assert.DoesNotContain("flip", LossCatalog.PythonDiscriminator(spec), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Regularizers))]
    public void Every_regulariser_hooks_into_the_twin_where_it_hooks_into_GanGen(string name)
    {
        var kind = Kind(name);
        var arguments = kind.Arguments.Select(argument => new SpecArgument(argument.Name, argument.IsRequired ? 1 : argument.Default)).ToArray();
        AssertSameHooks(kind, new RegularizerSpec(kind.AttributeType.FullName!, new EquatableArray<SpecArgument>(arguments)));
    }

    [Theory]
    [InlineData(TargetNetworks.Both)]
    [InlineData(TargetNetworks.Generator)]
    [InlineData(TargetNetworks.Discriminator)]
    public void Gradient_clipping_hooks_into_the_twin_for_the_networks_it_names(TargetNetworks networks)
    {
        var kind = Kind("GradientClip");
        var spec = new RegularizerSpec(kind.AttributeType.FullName!, new EquatableArray<SpecArgument>(new[]
        {
            new SpecArgument("MaxNorm", 1.0), new SpecArgument("Networks", (int)networks),
        }));
        AssertSameHooks(kind, spec);
        Assert.Equal(networks != TargetNetworks.Generator, kind.PythonBeforeDiscriminatorStep(spec) is not null);
        Assert.Equal(networks != TargetNetworks.Discriminator, kind.PythonBeforeGeneratorStep(spec) is not null);
    }

    private static void AssertSameHooks(RegularizerKind kind, RegularizerSpec spec)
    {
        Assert.Equal(kind.DiscriminatorTerm(spec) is null, kind.PythonDiscriminatorTerm(spec) is null);
        Assert.Equal(kind.GeneratorTerm(spec) is null, kind.PythonGeneratorTerm(spec) is null);
        Assert.Equal(kind.AfterDiscriminatorUpdate(spec) is null, kind.PythonAfterDiscriminatorUpdate(spec) is null);
        Assert.Equal(kind.DiscriminatorFakes(spec) is null, kind.PythonDiscriminatorFakes(spec) is null);
        Assert.Equal(kind.BeforeDiscriminatorStep(spec) is null, kind.PythonBeforeDiscriminatorStep(spec) is null);
        Assert.Equal(kind.BeforeGeneratorStep(spec) is null, kind.PythonBeforeGeneratorStep(spec) is null);
        Assert.Equal(kind.DiscriminatorInput(spec) is null, kind.PythonDiscriminatorInput(spec) is null);
        Assert.Equal(kind.LossOption(spec) is null, kind.PythonLossOption(spec) is null);
        // A schedule setting GanGen's trainer reads from its config is one the twin's trainer reads from the Gan module.
        Assert.Equal(kind.DeclarationArguments(spec).Any(), kind.PythonSchedule(spec) is not null);
        if (kind.PythonSchedule(spec) is { } schedule)
        {
            Assert.Equal(kind.PythonField, schedule);
            Assert.Contains($"getattr(gan, \"{schedule}\", None)", PyTorchTwin.Shared("gangen_twin.py"), StringComparison.Ordinal);
        }
        // The class is model.py's own, or gangen_twin.py's (a real file), constructed through the runtime module.
        string construct = kind.PythonConstruct(spec, new LossSpec(GanLoss.NonSaturating, 1.0, false));
        if (kind.PythonDefinition.Length == 0)
        {
            Assert.Contains($"\nclass {kind.Name}:", PyTorchTwin.Shared("gangen_twin.py"), StringComparison.Ordinal);
            Assert.StartsWith($"rt.{kind.Name}(", construct);
            return;
        }
        Assert.StartsWith($"class {kind.Name}:", kind.PythonDefinition);
        Assert.StartsWith(kind.Name + "(", construct);
    }

    private static RegularizerKind Kind(string name) => RegularizerCatalog.All.Single(k => k.Name == name);
}
