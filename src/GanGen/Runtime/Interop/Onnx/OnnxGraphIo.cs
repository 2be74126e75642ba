namespace GanGen.Runtime.Interop.Onnx;

/// <summary>A graph input or output: the value, its element type and its shape (negative entries are symbolic).</summary>
internal sealed record OnnxGraphIo(int Id, OnnxDataType Type, long[]? Shape);
