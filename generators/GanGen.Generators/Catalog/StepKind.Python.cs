using GanGen.Generators.Emit;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

// The PyTorch twin: every kind states the nn.Module a layer constructs and the forward expression, so the twin's
// model.py is written from the same catalog as the TorchSharp network. Abstract, so no kind lacks a Python form;
// EveryKindTwinTests runs each form in PyTorch against TorchSharp.
internal abstract partial class StepKind
{
    /// <summary>The twin's module (layers only) and forward expression on <c>x</c> (torch, <c>nn</c> and <c>F</c> imported).</summary>
    public abstract PythonStep Python(StepSpec step, StepSite site);

    /// <summary>The twin network's attribute for a site's layer (plus a suffix: <c>NormScale</c>), as an expression on <c>self</c>.</summary>
    protected static string PythonMember(StepSite site, string suffix = "") => PythonNames.Member(LayerName(site) + suffix);

    /// <summary>
    /// The weight a layer computes with in the twin under [SpectralNorm]: its spectral norm's <c>weight()</c> (W / σ,
    /// one power iteration per pass in training mode, as GanGen's SpectralNorm), or null for the layer's own weight.
    /// </summary>
    protected static string? PythonNormalisedWeight(StepSite site) => site.Spectral is null ? null : PythonSpectral(site.Spectral) + ".weight()";

    /// <summary>The twin network's attribute for a spectral-norm field (<c>_HiddenSpectral</c> → <c>self.HiddenSpectral</c>): a plain object, not a child module, so it adds no state_dict names.</summary>
    internal static string PythonSpectral(string field) => PythonNames.Member(field.Substring(1));
}

/// <summary>A step in the twin: the module a layer owns (null for an operation) and the forward expression.</summary>
internal readonly record struct PythonStep(string? Module, string Forward)
{
    public static PythonStep Layer(string module, string forward) => new(module, forward);

    public static PythonStep Operation(string forward) => new(null, forward);

    /// <summary>A step that computes nothing where it stands (a marker or a modifier of its layer, as <see cref="ForwardCode.None"/>).</summary>
    public static PythonStep None { get; } = new(null, string.Empty);

    public bool IsNone => Forward.Length == 0;
}
