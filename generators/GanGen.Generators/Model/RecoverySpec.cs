namespace GanGen.Generators.Model;

// What the emitter writes for a declaration with errors: an implementation of every layer property the user
// declared, so the compiler does not add "partial property must have an implementation part" (CS9248) on each layer
// beside GanGen's own diagnostic. Like GanSpec, it holds no symbols, syntax nodes or locations.

/// <summary>A declared layer property: name, fully qualified type and accessibility keywords as written.</summary>
internal sealed record RecoveryLayer(string Name, string TypeName, string Accessibility);

/// <summary>A nested network class and the layer properties to implement in it.</summary>
internal sealed record RecoveryNetwork(string Name, EquatableArray<RecoveryLayer> Layers);

/// <summary>A GAN that failed validation; <paramref name="ErrorIds"/> names the errors in the thrown message.</summary>
internal sealed record RecoverySpec(
    string? Namespace,
    EquatableArray<ContainingType> Containers,
    string Name,
    string ErrorIds,
    EquatableArray<RecoveryNetwork> Networks);
