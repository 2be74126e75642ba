namespace GanGen.Runtime.Interop.Onnx;

// Field numbers of the onnx.proto messages GanGen writes, checked against onnx/onnx's onnx/onnx.proto (proto2).
// Only the fields used are listed; each nested class is named after its message.

internal static class ModelProtoField
{
    public const int IrVersion = 1;
    public const int ProducerName = 2;
    public const int ProducerVersion = 3;
    public const int Graph = 7;
    public const int OpsetImport = 8;
    public const int MetadataProps = 14;
}

internal static class OperatorSetIdProtoField
{
    public const int Domain = 1;
    public const int Version = 2;
}

internal static class StringStringEntryProtoField
{
    public const int Key = 1;
    public const int Value = 2;
}

internal static class GraphProtoField
{
    public const int Node = 1;
    public const int Name = 2;
    public const int Initializer = 5;
    public const int Input = 11;
    public const int Output = 12;
}

internal static class NodeProtoField
{
    public const int Input = 1;
    public const int Output = 2;
    public const int Name = 3;
    public const int OpType = 4;
    public const int Attribute = 5;
}

internal static class AttributeProtoField
{
    public const int Name = 1;
    public const int F = 2;
    public const int I = 3;
    public const int S = 4;
    public const int T = 5;
    public const int Floats = 7;
    public const int Ints = 8;
    public const int Type = 20;
}

internal static class TensorProtoField
{
    public const int Dims = 1;
    public const int DataType = 2;
    public const int Name = 8;
    public const int RawData = 9;
}

internal static class ValueInfoProtoField
{
    public const int Name = 1;
    public const int Type = 2;
}

internal static class TypeProtoField
{
    public const int TensorType = 1;
    public const int TensorElemType = 1;
    public const int TensorShape = 2;
}

internal static class TensorShapeProtoField
{
    public const int Dim = 1;
    public const int DimValue = 1;
    public const int DimParam = 2;
}
