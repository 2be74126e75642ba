using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>The validate stage's output: an emit-ready spec when there are no errors, and every diagnostic found.</summary>
internal sealed record ValidationResult(GanSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
