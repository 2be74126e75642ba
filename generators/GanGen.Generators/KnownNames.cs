namespace GanGen.Generators;

/// <summary>Metadata names of the attributes GanGen reads (they live in the GanGen runtime assembly).</summary>
internal static class KnownNames
{
    public const string Namespace = "GanGen";
    public const string GanAttribute = "GanGen.GanAttribute";
    public const string GeneratorAttribute = "GanGen.GanGeneratorAttribute";
    public const string DiscriminatorAttribute = "GanGen.GanDiscriminatorAttribute";
    public const string DataAttribute = "GanGen.GanDataAttribute";
    public const string LayerAttributeBase = "GanGen.LayerAttribute";
    public const string OperationAttributeBase = "GanGen.OperationAttribute";
    public const string AdamAttribute = "GanGen.AdamAttribute";
    public const string RMSpropAttribute = "GanGen.RMSpropAttribute";
    public const string SgdAttribute = "GanGen.SgdAttribute";
    public const string ModuleBase = "global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>";
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
}
