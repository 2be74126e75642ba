using System;
using System.Linq;
using System.Reflection;

namespace GanGen.Tests.Declarations;

/// <summary>
/// Every concrete regulariser and merge attribute is declared by a GAN that this test assembly or the examples compile
/// (their generated code built with them, and the tests train them); a new one nobody declares fails here.
/// </summary>
public class DeclaredEverywhereTests
{
    private static readonly Assembly[] Declaring = { typeof(DeclaredEverywhereTests).Assembly, typeof(GanGen.Examples.Models.RingGan).Assembly };

    public static TheoryData<string> Regularizers => Concrete<RegularizerAttribute>();

    public static TheoryData<string> Merges => Concrete<MergeAttribute>();

    [Theory]
    [MemberData(nameof(Regularizers))]
    public void Every_regulariser_is_declared_by_a_compiled_gan(string name)
    {
        var declaring = Declaring.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == name)).Select(type => type.Name).ToList();
        Assert.True(declaring.Count > 0, $"no GAN in the tests or examples declares [{name[..^"Attribute".Length]}]");
    }

    [Theory]
    [MemberData(nameof(Merges))]
    public void Every_merge_is_declared_on_a_compiled_network_node(string name)
    {
        var nodes = Declaring.SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(property => property.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == name)).ToList();
        Assert.True(nodes.Count > 0, $"no network node in the tests or examples declares [{name[..^"Attribute".Length]}]");
    }

    private static TheoryData<string> Concrete<TBase>() => new(typeof(TBase).Assembly.GetExportedTypes()
        .Where(type => typeof(TBase).IsAssignableFrom(type) && !type.IsAbstract).Select(type => type.Name).OrderBy(name => name, StringComparer.Ordinal));
}
