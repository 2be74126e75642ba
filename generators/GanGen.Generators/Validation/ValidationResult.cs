using GanGen.Generators.Diagnostics;
using GanGen.Generators.Model;

namespace GanGen.Generators.Validation;

/// <summary>
/// The validate stage's output: an emit-ready spec when there are no errors; otherwise, when possible, what to emit
/// so GanGen's errors are the only ones (<see cref="Recovery"/>); and every diagnostic found.
/// </summary>
internal sealed record ValidationResult(GanSpec? Spec, RecoverySpec? Recovery, EquatableArray<DiagnosticInfo> Diagnostics);
