using System.Collections.Generic;

namespace GanGen.Runtime.Interop.Onnx;

/// <summary>Encodes a builder's graph as an ONNX <c>ModelProto</c> (field numbers in <see cref="ModelProtoField"/> and siblings).</summary>
internal static class OnnxModelEncoder
{
    /// <summary>The symbolic name of a graph input's or output's first (batch) dimension.</summary>
    public const string BatchDimension = "N";

    private static readonly string ProducerVersion = typeof(OnnxModelEncoder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static byte[] Encode(OnnxGraphBuilder graph, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var model = new ProtoWriter();
        model.Int64(ModelProtoField.IrVersion, OnnxGraphBuilder.IrVersion);
        model.String(ModelProtoField.ProducerName, "GanGen");
        model.String(ModelProtoField.ProducerVersion, ProducerVersion);
        model.Message(ModelProtoField.Graph, writer => WriteGraph(writer, graph));
        model.Message(ModelProtoField.OpsetImport, opset =>
        {
            opset.String(OperatorSetIdProtoField.Domain, "");
            opset.Int64(OperatorSetIdProtoField.Version, OnnxGraphBuilder.Opset);
        });
        foreach (var (key, value) in metadata)
        {
            model.Message(ModelProtoField.MetadataProps, entry =>
            {
                entry.String(StringStringEntryProtoField.Key, key);
                entry.String(StringStringEntryProtoField.Value, value);
            });
        }
        return model.ToArray();
    }

    private static void WriteGraph(ProtoWriter writer, OnnxGraphBuilder graph)
    {
        foreach (var node in graph.Nodes) writer.Message(GraphProtoField.Node, nested => WriteNode(nested, node, graph));
        writer.String(GraphProtoField.Name, graph.GraphName);
        foreach (var tensor in graph.Initializers) writer.Message(GraphProtoField.Initializer, nested => WriteTensor(nested, tensor));
        foreach (var input in graph.Inputs) writer.Message(GraphProtoField.Input, nested => WriteValueInfo(nested, input, graph));
        foreach (var output in graph.Outputs) writer.Message(GraphProtoField.Output, nested => WriteValueInfo(nested, output, graph));
    }

    private static void WriteNode(ProtoWriter writer, OnnxNode node, OnnxGraphBuilder graph)
    {
        foreach (int input in node.Inputs) writer.String(NodeProtoField.Input, input == OnnxNode.Absent ? "" : graph.NameOf(input));
        foreach (int output in node.Outputs) writer.String(NodeProtoField.Output, graph.NameOf(output));
        writer.String(NodeProtoField.Name, node.Name);
        writer.String(NodeProtoField.OpType, node.OpType);
        foreach (var attribute in node.Attributes) writer.Message(NodeProtoField.Attribute, nested => WriteAttribute(nested, attribute));
    }

    private static void WriteAttribute(ProtoWriter writer, OnnxAttribute attribute)
    {
        writer.String(AttributeProtoField.Name, attribute.Name);
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float: writer.Float(AttributeProtoField.F, attribute.FloatValue); break;
            case OnnxAttributeType.Int: writer.Int64(AttributeProtoField.I, attribute.IntValue); break;
            case OnnxAttributeType.String: writer.String(AttributeProtoField.S, attribute.StringValue); break;
            case OnnxAttributeType.Tensor: writer.Message(AttributeProtoField.T, nested => WriteTensor(nested, attribute.TensorValue!)); break;
            case OnnxAttributeType.Floats: foreach (float value in attribute.FloatValues) writer.Float(AttributeProtoField.Floats, value); break;
            case OnnxAttributeType.Ints: foreach (long value in attribute.IntValues) writer.Int64(AttributeProtoField.Ints, value); break;
        }
        writer.Int64(AttributeProtoField.Type, (long)attribute.Type);
    }

    private static void WriteTensor(ProtoWriter writer, OnnxTensorData tensor)
    {
        foreach (long dim in tensor.Dims) writer.Int64(TensorProtoField.Dims, dim);
        writer.Int64(TensorProtoField.DataType, (long)tensor.DataType);
        if (tensor.Name.Length > 0) writer.String(TensorProtoField.Name, tensor.Name);
        writer.Bytes(TensorProtoField.RawData, tensor.RawData);
    }

    private static void WriteValueInfo(ProtoWriter writer, OnnxGraphIo io, OnnxGraphBuilder graph)
    {
        string name = graph.NameOf(io.Id);
        writer.String(ValueInfoProtoField.Name, name);
        writer.Message(ValueInfoProtoField.Type, type => type.Message(TypeProtoField.TensorType, tensorType =>
        {
            tensorType.Int64(TypeProtoField.TensorElemType, (long)io.Type);
            // No shape at all means "unknown rank", which ONNX allows for outputs whose shape the caller did not state.
            if (io.Shape is null) return;
            tensorType.Message(TypeProtoField.TensorShape, shape =>
            {
                for (int i = 0; i < io.Shape.Length; i++)
                {
                    long size = io.Shape[i];
                    string symbol = i == 0 ? BatchDimension : $"{name}_dim{i}";
                    shape.Message(TensorShapeProtoField.Dim, dim =>
                    {
                        if (size >= 0) dim.Int64(TensorShapeProtoField.DimValue, size);
                        else dim.String(TensorShapeProtoField.DimParam, symbol);
                    });
                }
            });
        }));
    }
}
