using System;
using System.Collections.Generic;

namespace GanGen.Generators.Language;

/// <summary>The declaration attributes GanGen reads: their metadata names and argument rules, taken from the types themselves.</summary>
internal static class Attributes
{
    private static readonly Dictionary<Type, ArgumentRule[]> Cache = new();

    public static readonly string Gan = typeof(GanAttribute).FullName!;
    public static readonly string Data = typeof(GanDataAttribute).FullName!;
    public static readonly string Generator = typeof(GanGeneratorAttribute).FullName!;
    public static readonly string Discriminator = typeof(GanDiscriminatorAttribute).FullName!;
    public static readonly string LayerBase = typeof(LayerAttribute).FullName!;
    public static readonly string OperationBase = typeof(OperationAttribute).FullName!;
    public static readonly string RegularizerBase = typeof(RegularizerAttribute).FullName!;
    public static readonly string Block = typeof(GanBlockAttribute).FullName!;
    public static readonly string From = typeof(FromAttribute).FullName!;

    /// <summary>Optimizer attributes by metadata name; each names the <see cref="OptimizerKind"/> member it selects.</summary>
    public static readonly IReadOnlyDictionary<string, OptimizerKind> Optimizers = new Dictionary<string, OptimizerKind>
    {
        [typeof(AdamAttribute).FullName!] = OptimizerKind.Adam,
        [typeof(RMSpropAttribute).FullName!] = OptimizerKind.RMSprop,
        [typeof(SgdAttribute).FullName!] = OptimizerKind.Sgd,
    };

    public static IReadOnlyList<ArgumentRule> RulesOf(Type attribute)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(attribute, out var rules)) Cache[attribute] = rules = ArgumentRule.Of(attribute);
            return rules;
        }
    }

    public static Type OptimizerAttribute(OptimizerKind kind) => kind switch
    {
        OptimizerKind.RMSprop => typeof(RMSpropAttribute),
        OptimizerKind.Sgd => typeof(SgdAttribute),
        _ => typeof(AdamAttribute),
    };

    /// <summary>The name a declaration writes for an attribute type ("Conv2d" for Conv2dAttribute).</summary>
    public static string ShortName(string typeName) =>
        typeName.EndsWith("Attribute", StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - "Attribute".Length) : typeName;
}
