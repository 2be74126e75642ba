using System.Collections.Immutable;
using GanGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Diagnostics;

/// <summary>A diagnostic as an equatable value, created into a Roslyn <see cref="Diagnostic"/> only when reported.</summary>
/// <remarks>
/// <see cref="FixKey"/>/<see cref="FixValue"/> travel as a diagnostic property for code fixes (e.g. the padding that
/// makes a convolution's output whole).
/// </remarks>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SourceSpan Location, EquatableArray<string> Arguments, string? FixKey = null, string? FixValue = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[Arguments.Count];
        for (int i = 0; i < arguments.Length; i++) arguments[i] = Arguments[i];
        var properties = FixKey is null || FixValue is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixKey, FixValue);
        return Diagnostic.Create(Descriptor, Location.ToLocation(), properties, arguments);
    }
}
