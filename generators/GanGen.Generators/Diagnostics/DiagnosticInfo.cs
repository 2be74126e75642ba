using GanGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Diagnostics;

/// <summary>A diagnostic as an equatable value, created into a Roslyn <see cref="Diagnostic"/> only when reported.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SourceSpan Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[Arguments.Count];
        for (int i = 0; i < arguments.Length; i++) arguments[i] = Arguments[i];
        return Diagnostic.Create(Descriptor, Location.ToLocation(), arguments);
    }
}
