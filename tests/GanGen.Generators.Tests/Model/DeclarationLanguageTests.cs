using System;
using System.Linq;
using System.Reflection;

namespace GanGen.Generators.Tests.Model;

/// <summary>
/// One source of truth: the declaration language (attributes, enums, defaults, ranges) lives in GanGen.Abstractions
/// and the generator reads it; every attribute has its catalog entry and every loss its runtime class.
/// </summary>
public sealed class DeclarationLanguageTests
{
    private static readonly Assembly Language = typeof(GanAttribute).Assembly;
    private static readonly Assembly Generator = typeof(GanSourceGenerator).Assembly;

    private static Type[] AttributesDerivedFrom(Type baseType) =>
        Language.GetTypes().Where(t => !t.IsAbstract && baseType.IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Generator_mirrors_no_enum_of_the_language()
    {
        // NetworkRole names the two network classes; Op is the lowered program's instruction set (NodeProgram). Neither
        // restates a fact of the declaration language.
        var enums = Generator.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("GanGen.Generators", StringComparison.Ordinal) == true)
            .Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "NetworkRole", "Op" }, enums);
    }

    [Fact]
    public void Every_numeric_argument_states_the_values_it_accepts()
    {
        var unstated = Language.GetTypes()
            .Where(t => typeof(Attribute).IsAssignableFrom(t) && t.Namespace == "GanGen" && t != typeof(AcceptsAttribute) && t != typeof(UsuallyAttribute))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.PropertyType == typeof(int) || x.Property.PropertyType == typeof(double))
            .Where(x => x.Property.GetCustomAttribute<AcceptsAttribute>() is null)
            .Select(x => x.Type.Name + "." + x.Property.Name);
        Assert.Empty(unstated);
    }

    [Fact]
    public void Every_layer_and_operation_attribute_has_a_catalog_kind_and_back()
    {
        var attributes = AttributesDerivedFrom(typeof(LayerAttribute)).Concat(AttributesDerivedFrom(typeof(OperationAttribute)))
            .Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal);
        var kinds = GanGen.Generators.Catalog.StepCatalog.All.Select(k => k.AttributeType.FullName!).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(attributes, kinds);
    }

    [Fact]
    public void Every_regularizer_attribute_has_a_catalog_kind_and_back()
    {
        var attributes = AttributesDerivedFrom(typeof(RegularizerAttribute)).Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal);
        var kinds = GanGen.Generators.Catalog.RegularizerCatalog.All.Select(k => k.AttributeType.FullName!).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(attributes, kinds);
    }

    [Fact]
    public void Every_loss_and_regularizer_names_a_runtime_type_that_exists()
    {
        var runtime = typeof(GanGen.Runtime.Training.GanBatch).Assembly;
        foreach (GanLoss loss in Enum.GetValues(typeof(GanLoss)))
        {
            string name = GanGen.Generators.Catalog.LossCatalog.RuntimeType(loss).Replace("global::", string.Empty);
            Assert.True(runtime.GetType(name) is { } type && typeof(GanGen.Runtime.Losses.AdversarialLoss).IsAssignableFrom(type), $"{loss}: no runtime loss {name}");
        }
        foreach (var kind in GanGen.Generators.Catalog.RegularizerCatalog.All)
        {
            if (kind.RuntimeType is { } name)
                Assert.True(runtime.GetType(name.Replace("global::", string.Empty)) is not null, $"{kind.Name}: no runtime type {name}");
        }
    }

    [Fact]
    public void Argument_rules_read_the_attribute_defaults()
    {
        var conv = GanGen.Generators.Catalog.StepCatalog.Get(typeof(Conv2dAttribute).FullName!).Arguments.ToDictionary(a => a.Name);
        var defaults = new Conv2dAttribute(1);
        Assert.Equal(defaults.Kernel, conv["Kernel"].Default);
        Assert.Equal(defaults.Stride, conv["Stride"].Default);
        Assert.True(conv["Channels"].IsRequired);
        Assert.False(conv["Kernel"].IsRequired);
        Assert.Equal("a whole number from 1 to 2147483647", conv["Kernel"].Requirement);
        var upsample = GanGen.Generators.Catalog.StepCatalog.Get(typeof(UpsampleAttribute).FullName!).Arguments.ToDictionary(a => a.Name);
        Assert.Equal("one of Nearest, Bilinear", upsample["Mode"].Requirement);
        Assert.False(upsample["Mode"].Allows(2));
    }

    [Fact]
    public void Reserved_trainer_names_cover_every_trainer_member()
    {
        var trainer = typeof(GanGen.Runtime.Training.GanTrainer<,>);
        var members = trainer.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m is MethodInfo { IsPublic: true } or MethodInfo { IsFamily: true } or PropertyInfo)
            .Where(m => m is not MethodInfo method || !method.IsSpecialName)
            .Where(m => m.DeclaringType == trainer)
            .Select(m => m.Name)
            .Where(name => !name.Contains('.'))
            .Distinct();
        var reserved = GanGen.Generators.Validation.ReservedNames.TrainerMembers;
        Assert.Empty(members.Where(name => !reserved.Contains(name)).ToArray());
    }
}
