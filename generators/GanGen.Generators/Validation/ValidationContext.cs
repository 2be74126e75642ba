using System.Collections.Generic;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>Collects every diagnostic of one declaration and counts its errors, so validation continues after an error.</summary>
internal sealed class ValidationContext
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public int ErrorCount { get; private set; }

    public bool HasErrors => ErrorCount > 0;

    public EquatableArray<DiagnosticInfo> Diagnostics => new(_diagnostics.ToArray());

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan location, params string[] arguments) =>
        Report(DiagnosticInfo.Create(descriptor, location, arguments));

    public void Report(DiagnosticInfo diagnostic)
    {
        // A block's rules run once per use of it; the same finding at the same place is one diagnostic.
        if (_diagnostics.Contains(diagnostic)) return;
        _diagnostics.Add(diagnostic);
        if (diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) ErrorCount++;
    }
}
