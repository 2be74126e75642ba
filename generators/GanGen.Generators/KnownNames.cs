namespace GanGen.Generators;

/// <summary>Names of the runtime and TorchSharp types generated code derives from (attribute names come from the attribute types themselves).</summary>
internal static class KnownNames
{
    public const string Namespace = "GanGen";
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string TrainerBase = "global::GanGen.Runtime.Training.GanTrainer";
}

/// <summary>Names of the generator's pipeline steps, asserted by the incrementality tests.</summary>
public static class TrackingNames
{
    /// <summary>ForAttributeWithMetadataName + parse into a GanDeclaration.</summary>
    public const string Declarations = "GanGen.Declarations";
    /// <summary>Validation into a spec plus diagnostics.</summary>
    public const string Validated = "GanGen.Validated";
    /// <summary>The spec alone (what source output depends on).</summary>
    public const string Specs = "GanGen.Specs";
    /// <summary>The diagnostics alone.</summary>
    public const string Diagnostics = "GanGen.Diagnostics";
    /// <summary>What a declaration with errors still gets emitted (its layer property implementations).</summary>
    public const string Recoveries = "GanGen.Recoveries";
    /// <summary>ForAttributeWithMetadataName + parse of each [GanBlock] class.</summary>
    public const string Blocks = "GanGen.Blocks";
    /// <summary>Every block use of every valid GAN, by block type.</summary>
    public const string BlockUses = "GanGen.BlockUses";
    /// <summary>What each block's file holds: its class from its uses, or its layer implementations when no valid GAN uses it.</summary>
    public const string BlockOutputs = "GanGen.BlockOutputs";
}
