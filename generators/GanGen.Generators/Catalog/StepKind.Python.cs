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
}

/// <summary>A step in the twin: the module a layer owns (null for an operation) and the forward expression.</summary>
internal readonly record struct PythonStep(string? Module, string Forward)
{
    public static PythonStep Layer(string module, string forward) => new(module, forward);

    public static PythonStep Operation(string forward) => new(null, forward);
}
