using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Model;

/// <summary>
/// Walks the types reachable from a model type through instance fields and properties (following arrays and
/// generic arguments, and descending into the generator's own types) and reports every member whose type is or
/// contains a Roslyn object that would pin a compilation in the incremental cache.
/// </summary>
internal static class TypeGraph
{
    public static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel),
    };

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<string> FindForbidden(Type root)
    {
        var problems = new List<string>();
        var visited = new HashSet<Type>();
        var pending = new Queue<Type>();
        pending.Enqueue(root);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!visited.Add(type) || !IsModelType(type)) continue;
            foreach (var (name, memberType) in Members(type))
            {
                foreach (var reached in Expand(memberType))
                {
                    if (Forbidden.Any(f => f.IsAssignableFrom(reached)))
                        problems.Add($"{type.Name}.{name}: {memberType} holds {reached.Name}");
                    pending.Enqueue(reached);
                }
            }
        }
        return problems;
    }

    /// <summary>The types the walk visits (for asserting it reached the whole graph).</summary>
    public static IReadOnlyCollection<Type> Reachable(Type root)
    {
        var visited = new HashSet<Type>();
        var pending = new Queue<Type>();
        pending.Enqueue(root);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!visited.Add(type) || !IsModelType(type)) continue;
            foreach (var (_, memberType) in Members(type))
                foreach (var reached in Expand(memberType)) pending.Enqueue(reached);
        }
        return visited.Where(IsModelType).ToList();
    }

    private static bool IsModelType(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).Assembly == typeof(GanSourceGenerator).Assembly;

    private static IEnumerable<(string Name, Type Type)> Members(Type type) =>
        type.GetFields(Instance).Select(f => (f.Name, f.FieldType))
            .Concat(type.GetProperties(Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.Name, p.PropertyType)));

    /// <summary>A member type and everything it is built from: array elements, Nullable/generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
            foreach (var inner in Expand(type.GetElementType()!)) yield return inner;
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                foreach (var inner in Expand(argument)) yield return inner;
    }
}
