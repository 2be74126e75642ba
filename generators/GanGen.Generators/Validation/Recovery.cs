using System.Collections.Generic;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace GanGen.Generators.Validation;

/// <summary>
/// Decides what to emit for a declaration with errors: implementations of the layer properties that C# itself
/// would otherwise report as unimplemented. Only what can be written without new errors is included — partial,
/// non-generic types; partial get-only instance properties of a resolved type without an implementation; one per name.
/// </summary>
internal static class Recovery
{
    public static RecoverySpec? Plan(GanDeclaration declaration, EquatableArray<DiagnosticInfo> diagnostics)
    {
        if (!declaration.IsPartial || declaration.IsGeneric || declaration.NonPartialContainer is not null) return null;
        // Half-typed source can leave a name missing; a partial part cannot be written for it.
        if (!SyntaxFacts.IsValidIdentifier(declaration.Name)) return null;
        foreach (var container in declaration.Containers)
        {
            if (!SyntaxFacts.IsValidIdentifier(container.Name)) return null;
        }

        var networks = new List<RecoveryNetwork>();
        var networkNames = new HashSet<string>();
        foreach (var network in declaration.Networks)
        {
            if (!network.IsPartial || network.IsGeneric || !SyntaxFacts.IsValidIdentifier(network.Name) || !networkNames.Add(network.Name)) continue;
            var layers = new List<RecoveryLayer>();
            var layerNames = new HashSet<string>();
            foreach (var layer in network.Layers)
            {
                if (Implementable(layer) && layerNames.Add(layer.Name))
                    layers.Add(new RecoveryLayer(layer.Name, layer.TypeName, layer.Accessibility));
            }
            if (layers.Count > 0) networks.Add(new RecoveryNetwork(network.Name, new EquatableArray<RecoveryLayer>(layers.ToArray())));
        }
        if (networks.Count == 0) return null;
        return new RecoverySpec(declaration.Namespace, declaration.Containers, declaration.Name, ErrorIds(diagnostics),
            new EquatableArray<RecoveryNetwork>(networks.ToArray()));
    }

    /// <summary>A partial get-only instance property of a resolved type without an implementation: one GanGen can implement without new errors.</summary>
    public static bool Implementable(LayerDeclaration layer) =>
        layer.IsPartialDefinition && !layer.IsImplemented && !layer.IsStatic && layer.HasGetter && !layer.HasSetter && layer.TypeIsKnown &&
        SyntaxFacts.IsValidIdentifier(layer.Name);

    private static string ErrorIds(EquatableArray<DiagnosticInfo> diagnostics)
    {
        var ids = new SortedSet<string>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) ids.Add(diagnostic.Descriptor.Id);
        }
        return string.Join(", ", ids);
    }
}
