using System;
using System.Linq;

namespace GanGen.Generators.Tests.Model;

/// <summary>
/// The generator reads enum attribute arguments as numbers and emits member names, so its mirrored enums must match
/// the runtime's names and values exactly.
/// </summary>
public sealed class MirroredEnumTests
{
    private const string ModelNamespace = "GanGen.Generators.Model.";

    /// <summary>Generator enum → the runtime enum it mirrors (runtime types by name, so a new pair needs no new reference).</summary>
    public static TheoryData<string, string> Pairs => new()
    {
        { "LossKind", "GanGen.GanLoss" },
        { "OrderKind", "GanGen.TrainingOrder" },
        { "LatentKind", "GanGen.LatentDistribution" },
        { "RangeKind", "GanGen.DataRange" },
        { "OptimizerKind", "GanGen.Runtime.Optimization.OptimizerKind" },
        { "InitKind", "GanGen.WeightInit" },
        { "DiscriminatorOutputKind", "GanGen.DiscriminatorOutput" },
    };

    /// <summary>Model enums that describe the generator's own structure and mirror nothing.</summary>
    private static readonly string[] NotMirrored = { "NetworkRole" };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Generator_enum_matches_runtime_enum(string mirror, string runtimeName)
    {
        var generator = typeof(GanSourceGenerator).Assembly.GetType(ModelNamespace + mirror, throwOnError: true)!;
        var runtime = typeof(GanAttribute).Assembly.GetType(runtimeName, throwOnError: true)!;

        Assert.True(generator.IsEnum && runtime.IsEnum);
        Assert.Equal(Members(runtime), Members(generator));
    }

    [Fact]
    public void Every_model_enum_is_checked_or_known_not_to_mirror()
    {
        var checkedNames = Pairs.Select(row => (string)row[0]).Concat(NotMirrored).ToHashSet();

        var modelEnums = typeof(GanSourceGenerator).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.Namespace == "GanGen.Generators.Model")
            .Select(t => t.Name);

        Assert.All(modelEnums, name => Assert.Contains(name, checkedNames));
    }

    private static (string Name, long Value)[] Members(Type type) =>
        Enum.GetNames(type)
            .Select(name => (name, Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(member => member.Item2).ThenBy(member => member.name, StringComparer.Ordinal)
            .ToArray();
}
