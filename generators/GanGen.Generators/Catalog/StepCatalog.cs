using System;
using System.Collections.Generic;
using System.Linq;

using GanGen.Generators.Validation;

namespace GanGen.Generators.Catalog;

/// <summary>Every <see cref="StepKind"/> of the generator assembly, by the metadata name of its attribute.</summary>
internal static class StepCatalog
{
    private static readonly Dictionary<string, StepKind> Kinds = typeof(StepKind).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(StepKind).IsAssignableFrom(type))
        .Select(type => (StepKind)Activator.CreateInstance(type)!)
        .ToDictionary(kind => kind.AttributeType.FullName!, StringComparer.Ordinal);

    /// <summary>The kind for an attribute's metadata name ("GanGen.Conv2dAttribute").</summary>
    public static bool TryGet(string attributeName, out StepKind kind) => Kinds.TryGetValue(attributeName, out kind!);

    public static StepKind Get(string attributeName) => Kinds[attributeName];

    public static IEnumerable<StepKind> All => Kinds.Values;
}
