using GanGen.Generators.Diagnostics;

namespace GanGen.Generators.Model;

/// <summary>
/// What one [GanBlock] class's file holds: the class built from its uses (<see cref="Spec"/>), or, when no valid GAN
/// uses it, implementations of its layer properties that throw (<see cref="Recovery"/>), so the compiler adds no
/// errors beside GanGen's. <see cref="Diagnostics"/>: uses in different GANs that build different layers.
/// </summary>
internal sealed record BlockOutput(
    string Name,
    string? Namespace,
    EquatableArray<ContainingType> Containers,
    BlockSpec? Spec,
    EquatableArray<RecoveryLayer> Recovery,
    EquatableArray<DiagnosticInfo> Diagnostics);
