using System.Collections.Generic;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;
using static GanGen.Generators.Validation.Declared;

namespace GanGen.Generators.Validation;

/// <summary>Collects diagnostics and answers value checks with a fallback, so validation continues after an error.</summary>
internal sealed class ValidationContext
{
    private readonly List<DiagnosticInfo> _diagnostics;

    public ValidationContext(List<DiagnosticInfo> diagnostics) => _diagnostics = diagnostics;

    public int ErrorCount { get; private set; }

    public bool HasErrors => ErrorCount > 0;

    public void CountError() => ErrorCount++;

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan location, params string[] arguments) =>
        Report(DiagnosticInfo.Create(descriptor, location, arguments));

    public void Report(DiagnosticInfo diagnostic)
    {
        _diagnostics.Add(diagnostic);
        if (diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) ErrorCount++;
    }

    public double Check(ArgumentDeclaration? argument, string what, double fallback, System.Func<double, bool> isValid, string requirement)
    {
        if (argument is not { } given) return fallback;
        if (isValid(given.Value)) return given.Value;
        Report(DiagnosticDescriptors.InvalidArgument, given.Location, what, Number(given.Value), requirement);
        return fallback;
    }

    public int Enum(ArgumentDeclaration? argument, string what, int fallback, int min, int max) =>
        (int)Check(argument, what, fallback, v => v >= min && v <= max && v == System.Math.Floor(v), $"one of the named values ({min}–{max})");
}
