using static TorchSharp.torch;

namespace GanGen.Runtime.Interop;

/// <summary>One tensor's header entry: its name, dtype code, element type, shape and byte range in the data section.</summary>
internal sealed record SafeTensorsEntry(string Name, string DType, ScalarType Type, long[] Shape, long Begin, long End)
{
    /// <summary>Bytes the tensor occupies.</summary>
    public long Length => End - Begin;
}
