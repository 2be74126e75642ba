using System;
using System.Collections.Generic;
using GanGen.Runtime.Checkpoints;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop.Onnx;

/// <summary>
/// Builds an ONNX model (IR version 8, default-domain opset 17: the first opset with <c>LayerNormalization</c>, and one
/// ONNX Runtime 1.31 runs) one operation at a time, mirroring a TorchSharp network in inference mode:
/// <code>
/// var graph = new OnnxGraphBuilder("Generator");
/// var x = graph.Input("noise", [-1, 100]);
/// var h = graph.Linear(x, fc);
/// h = graph.Relu(h);
/// graph.Output(h, "samples");
/// graph.Save("generator.onnx");
/// </code>
/// Parameters become float32 initializers (a snapshot taken when the method is called); a negative size in an input's
/// or output's shape is symbolic, the first one being the batch dimension <c>N</c>.
/// </summary>
public sealed partial class OnnxGraphBuilder
{
    /// <summary>The ONNX IR version written (8: the IR of ONNX 1.12, which introduced opset 17).</summary>
    public const long IrVersion = 8;

    /// <summary>The default-domain opset imported.</summary>
    public const long Opset = 17;

    private readonly List<string> _valueNames = new();
    private readonly HashSet<string> _usedValueNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNodeNames = new(StringComparer.Ordinal);
    // Inputs, initializers and outputs keep their names; only plain node outputs may be renamed by Output().
    private readonly HashSet<int> _namedByCaller = new();
    private readonly List<OnnxNode> _nodes = new();
    private readonly List<OnnxTensorData> _initializers = new();
    private readonly List<OnnxGraphIo> _inputs = new();
    private readonly List<OnnxGraphIo> _outputs = new();
    private readonly Dictionary<int, OnnxValue> _floatScalars = new();
    private int _counter;

    /// <summary>Starts an empty graph named <paramref name="name"/>.</summary>
    public OnnxGraphBuilder(string name = "GanGen")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        GraphName = name;
    }

    /// <summary>The graph's name in the model.</summary>
    public string GraphName { get; }

    /// <summary>Model metadata (<c>metadata_props</c>), written sorted by key; e.g. the declaration's name or latent size.</summary>
    public IDictionary<string, string> Metadata { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    internal IReadOnlyList<OnnxNode> Nodes => _nodes;
    internal IReadOnlyList<OnnxTensorData> Initializers => _initializers;
    internal IReadOnlyList<OnnxGraphIo> Inputs => _inputs;
    internal IReadOnlyList<OnnxGraphIo> Outputs => _outputs;

    /// <summary>Declares a graph input. A negative size is symbolic; the first dimension's symbol is <c>N</c>.</summary>
    public OnnxValue Input(string name, long[] shape, OnnxDataType type = OnnxDataType.Float)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var value = NewValue(ReserveValueName(name));
        _namedByCaller.Add(value.Id);
        _inputs.Add(new OnnxGraphIo(value.Id, type, (long[])shape.Clone()));
        return value;
    }

    /// <summary>
    /// Declares <paramref name="value"/> a graph output named <paramref name="name"/>. A node's output is renamed in
    /// place; an input, initializer or existing output is passed through an <c>Identity</c> so it keeps its name.
    /// Without <paramref name="shape"/> the output's rank is left unknown; negative sizes are symbolic as for inputs.
    /// </summary>
    public void Output(OnnxValue value, string name, long[]? shape = null, OnnxDataType type = OnnxDataType.Float)
    {
        int id = Use(value);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_usedValueNames.Contains(name)) throw NameTaken(name);
        if (_namedByCaller.Contains(id)) id = Emit("Identity", ReserveNodeName(null, "Identity"), NoAttributes, value).Id;
        _usedValueNames.Remove(_valueNames[id]);
        _valueNames[id] = name;
        _usedValueNames.Add(name);
        _namedByCaller.Add(id);
        _outputs.Add(new OnnxGraphIo(id, type, shape is null ? null : (long[])shape.Clone()));
    }

    /// <summary>Adds <paramref name="tensor"/> (its current values and element type) as an initializer.</summary>
    public OnnxValue Initializer(Tensor tensor, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        string resolved = name is null ? ReserveValueName(NextName("Initializer")) : ReserveValueName(name);
        return AddInitializer(OnnxTensorData.FromTensor(resolved, tensor));
    }

    /// <summary>
    /// The escape hatch: any operator of the default domain with the given inputs (null for an omitted optional
    /// input) and attributes, producing one output.
    /// </summary>
    public OnnxValue Node(string opType, IReadOnlyList<OnnxValue?> inputs, IReadOnlyList<OnnxAttribute>? attributes = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        var array = new OnnxValue?[inputs.Count];
        for (int i = 0; i < array.Length; i++) array[i] = inputs[i];
        return Emit(opType, ReserveNodeName(name, opType), attributes ?? NoAttributes, array);
    }

    /// <summary>The encoded model (a serialized <c>ModelProto</c>).</summary>
    /// <exception cref="InvalidOperationException">No output was declared.</exception>
    public byte[] ToBytes()
    {
        if (_outputs.Count == 0) throw new InvalidOperationException($"Graph '{GraphName}' has no outputs; declare one with Output(value, name).");
        return OnnxModelEncoder.Encode(this, Metadata);
    }

    /// <summary>
    /// Writes the model to <paramref name="path"/> atomically (a temporary file renamed into place), after checking
    /// that no float initializer holds NaN or ±∞.
    /// </summary>
    /// <exception cref="GanInputException">The path is empty or a folder, or an initializer (named, with the counts) is not finite; nothing is written.</exception>
    public void Save(string path)
    {
        InteropArguments.RequireFilePath(path, nameof(path));
        foreach (var initializer in _initializers)
        {
            if (initializer.DataType is OnnxDataType.Float or OnnxDataType.Double)
                NonFiniteValues.Require(initializer.RawData, initializer.DataType == OnnxDataType.Double, initializer.Name, path, SafeTensors.WriteRefused);
        }
        byte[] model = ToBytes();
        AtomicFile.Write(path, stream => stream.Write(model));
    }

    internal string NameOf(OnnxValue value) => _valueNames[Use(value)];

    internal string NameOf(int id) => _valueNames[id];
}
