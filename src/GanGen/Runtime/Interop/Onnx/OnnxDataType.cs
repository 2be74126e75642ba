namespace GanGen.Runtime.Interop.Onnx;

/// <summary>ONNX element types (<c>TensorProto.DataType</c> in onnx.proto) that GanGen's graphs use.</summary>
public enum OnnxDataType
{
    /// <summary>32-bit IEEE float; every exported parameter and activation.</summary>
    Float = 1,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 3,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,
    /// <summary>Signed 64-bit integer; class labels, shapes and indices.</summary>
    Int64 = 7,
    /// <summary>Boolean, one byte per element.</summary>
    Bool = 9,
    /// <summary>16-bit IEEE float.</summary>
    Float16 = 10,
    /// <summary>64-bit IEEE float.</summary>
    Double = 11,
    /// <summary>bfloat16.</summary>
    BFloat16 = 16,
}
