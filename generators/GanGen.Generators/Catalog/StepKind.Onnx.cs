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

    /// <summary>The declared layer name behind a site: its module field without the underscore.</summary>
    protected static string LayerName(StepSite site) => site.Module.Substring(1);
}
