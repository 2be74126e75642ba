using System;
using System.Linq;
using GanGen.Generators.Catalog;
using GanGen.Generators.Model;

namespace GanGen.Generators.Tests.Interop;

/// <summary>
/// The PyTorch twin's catalog entries match GanGen's: every loss has a twin for both networks, and every regulariser
/// hooks into the twin's training step exactly where it hooks into GanGen's (a term in the same loss, a statement
/// after the same update, a replacement of the same batch). Step kinds need no such check: their ONNX and Python
/// forms are abstract members, so a kind without them does not compile.
/// </summary>
public sealed class InteropCatalogTests
{
    public static TheoryData<GanLoss> Losses => new(Enum.GetValues<GanLoss>());

    public static TheoryData<string> Regularizers => new(RegularizerCatalog.All.Select(kind => kind.Name).OrderBy(name => name, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Losses))]
    public void Every_loss_has_a_twin_for_both_networks(GanLoss loss)
    {
        var spec = new LossSpec(loss, 1.0);

        Assert.Contains("real_scores", LossCatalog.PythonDiscriminator(spec));
        Assert.Contains("fake_scores", LossCatalog.PythonDiscriminator(spec));
        Assert.Contains("fake_scores", LossCatalog.PythonGenerator(spec));
    }

    [Theory]
    [MemberData(nameof(Regularizers))]
    public void Every_regulariser_hooks_into_the_twin_where_it_hooks_into_GanGen(string name)
    {
        var kind = RegularizerCatalog.All.Single(k => k.Name == name);
        var arguments = kind.Arguments.Select(argument => new SpecArgument(argument.Name, argument.IsRequired ? 1 : argument.Default)).ToArray();
        var spec = new RegularizerSpec(kind.AttributeType.FullName!, new EquatableArray<SpecArgument>(arguments));

        Assert.Equal(kind.DiscriminatorTerm(spec) is null, kind.PythonDiscriminatorTerm(spec) is null);
        Assert.Equal(kind.GeneratorTerm(spec) is null, kind.PythonGeneratorTerm(spec) is null);
        Assert.Equal(kind.AfterDiscriminatorUpdate(spec) is null, kind.PythonAfterDiscriminatorUpdate(spec) is null);
        Assert.Equal(kind.DiscriminatorFakes(spec) is null, kind.PythonDiscriminatorFakes(spec) is null);
        Assert.StartsWith($"class {kind.Name}:", kind.PythonDefinition);
        Assert.StartsWith(kind.Name + "(", kind.PythonConstruct(spec));
    }
}
