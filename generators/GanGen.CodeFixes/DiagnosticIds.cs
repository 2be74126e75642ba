namespace GanGen.CodeFixes;

/// <summary>The IDs these fixes handle (descriptors live in GanGen.Generators; the fix assembly does not load it).</summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "GAN101";
    public const string LayerTypeMismatch = "GAN107";
    public const string ShapeMismatch = "GAN206";
    public const string DiscriminatorOutputMismatch = "GAN208";
    public const string SigmoidDiscriminator = "GAN301";
    public const string BiasBeforeBatchNorm = "GAN306";

    /// <summary>Diagnostic property carrying the padding that makes a convolution's output whole.</summary>
    public const string PaddingProperty = "Padding";

    /// <summary>Diagnostic property present when a discriminator's output is a one-channel map that could be declared a patch map.</summary>
    public const string PatchMapProperty = "PatchMap";

    /// <summary>Diagnostic property carrying the TorchSharp type a layer property must have.</summary>
    public const string ExpectedTypeProperty = "ExpectedType";
}
