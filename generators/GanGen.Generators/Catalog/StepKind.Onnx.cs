using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

// ONNX export: every kind states how its step is written with OnnxGraphBuilder. The member is abstract, so a kind
// cannot exist without an ONNX form; EveryKindOnnxTests runs each form in ONNX Runtime against TorchSharp.
internal abstract partial class StepKind
{
    /// <summary>The builder namespace the ONNX expressions use.</summary>
    protected const string OnnxNamespace = "global::GanGen.Runtime.Interop.Onnx";

    /// <summary>
    /// The OnnxGraphBuilder expression that adds the step to <c>graph</c> for the value <c>x</c> (inference
    /// semantics: batch-norm running statistics, no dropout), reading the layer's module field and, for conditional
    /// batch norm, the <c>labels</c> input. A layer names its node after the layer, so its initializers carry the
    /// state_dict names (<c>Hidden1.weight</c>).
    /// </summary>
    public abstract string Onnx(StepSpec step, StepSite site);

    /// <summary>
    /// The ONNX form of a step that computes nothing where it stands (a marker, or a modifier its layer applies, as
    /// <see cref="ForwardCode.None"/> is in TorchSharp): the emitter writes no statement for it.
    /// </summary>
    protected const string NoOnnxNode = "";

    /// <summary>The layer's spectral-norm field and a comma when the property declares [SpectralNorm] (the builder then divides the weight by σ), else nothing.</summary>
    protected static string SpectralArgument(StepSite site) => site.Spectral is null ? string.Empty : site.Spectral + ", ";

    /// <summary>The declared layer name behind a site: its module field without the underscore.</summary>
    protected static string LayerName(StepSite site) => site.Module.Substring(1);

    /// <summary>
    /// The C# expression naming a layer's ONNX node: <c>"Conv1"</c>, or in a block <c>prefix + "Conv1"</c>, so its
    /// initializers carry the nested state_dict names (<c>Block1.Conv1.weight</c>).
    /// </summary>
    protected static string OnnxName(StepSite site) => site.InBlock ? $"prefix + \"{LayerName(site)}\"" : $"\"{LayerName(site)}\"";
}
