namespace GanGen.CodeFixes;

// Compiled into both the generator and the code-fix assembly (which does not load the generator), so the IDs and
// property keys the two exchange are written once.

/// <summary>The IDs of diagnostics that have code fixes.</summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "GAN101";
    public const string ShapeMismatch = "GAN206";
    public const string DiscriminatorOutputMismatch = "GAN208";
    public const string BiasBeforeBatchNorm = "GAN212";
    public const string UnreadInput = "GAN218";
    public const string SigmoidDiscriminator = "GAN301";
}

/// <summary>Keys of the diagnostic properties a code fix reads.</summary>
internal static class DiagnosticProperties
{
    /// <summary>The padding that makes a convolution's output whole.</summary>
    public const string Padding = "Padding";

    /// <summary>Present when a discriminator's output is a one-channel map that could be declared a patch map.</summary>
    public const string PatchMap = "PatchMap";

    /// <summary>The Bias value that removes a redundant bias.</summary>
    public const string Bias = "Bias";
}
