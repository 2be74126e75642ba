using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop;

/// <summary>The safetensors dtype codes GanGen reads and writes, and their TorchSharp element types.</summary>
public static class SafeTensorsDType
{
    // Ordered as the error message lists them. Only codes with a TorchSharp element type appear: the format also
    // defines U16/U32/U64 and 8-bit floats, which TorchSharp 0.107 cannot hold, so those are reported as unsupported.
    private static readonly (string Code, ScalarType Type, int Size)[] Table =
    {
        ("F64", ScalarType.Float64, 8),
        ("F32", ScalarType.Float32, 4),
        ("F16", ScalarType.Float16, 2),
        ("BF16", ScalarType.BFloat16, 2),
        ("I64", ScalarType.Int64, 8),
        ("I32", ScalarType.Int32, 4),
        ("I16", ScalarType.Int16, 2),
        ("I8", ScalarType.Int8, 1),
        ("U8", ScalarType.Byte, 1),
        ("BOOL", ScalarType.Bool, 1),
    };

    /// <summary>Every supported code, comma-separated, for error messages.</summary>
    public static string SupportedCodes { get; } = string.Join(", ", Table.Select(entry => entry.Code));

    /// <summary>The safetensors code of <paramref name="type"/>, e.g. <c>F32</c> for <see cref="ScalarType.Float32"/>.</summary>
    /// <exception cref="NotSupportedException">The element type has no safetensors code (complex and quantised types).</exception>
    public static string CodeOf(ScalarType type)
    {
        foreach (var entry in Table)
            if (entry.Type == type) return entry.Code;
        throw new NotSupportedException($"TorchSharp element type {type} has no safetensors dtype (supported: {SupportedCodes}).");
    }

    /// <summary>Looks up a safetensors dtype code; false for codes GanGen does not support.</summary>
    public static bool TryParse(string code, out ScalarType type, out int elementSize)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Code, code, StringComparison.Ordinal))
            {
                type = entry.Type;
                elementSize = entry.Size;
                return true;
            }
        }
        type = default;
        elementSize = 0;
        return false;
    }

    /// <summary>All supported element types, for tests and callers that enumerate them.</summary>
    public static IReadOnlyList<ScalarType> SupportedTypes { get; } = Table.Select(entry => entry.Type).ToArray();
}
