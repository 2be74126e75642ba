using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace GanGen.Runtime.Interop;

/// <summary>
/// Parses and validates a safetensors JSON header: each entry on its own (dtype, shape, data_offsets agreeing with
/// each other and with the data section's size), then the layout as a whole (<see cref="SafeTensorsLayout"/>).
/// Every problem becomes one <see cref="System.IO.InvalidDataException"/> naming the file and the problem.
/// </summary>
internal static class SafeTensorsHeaderParser
{
    /// <summary>The reserved header key holding string-to-string metadata.</summary>
    public const string MetadataKey = "__metadata__";

    // throwOnInvalidBytes: a replacement character would hide a corrupt header and could merge two distinct names.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The entries in header order and the metadata; <paramref name="dataLength"/> is the size of the data section.</summary>
    public static (List<SafeTensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(byte[] header, long dataLength, string path)
    {
        try
        {
            StrictUtf8.GetCharCount(header);
        }
        catch (DecoderFallbackException)
        {
            throw SafeTensorsFormatError.Create(path, "the header is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException exception)
        {
            throw SafeTensorsFormatError.Create(path, $"the header is not valid JSON ({exception.Message.TrimEnd('.')})");
        }

        var entries = new List<SafeTensorsEntry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw SafeTensorsFormatError.Create(path, $"the header is a JSON {Describe(root.ValueKind)}, not an object");
            // JsonDocument keeps duplicate keys, so a repeated name is caught here instead of one copy winning silently.
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!names.Add(property.Name))
                    throw SafeTensorsFormatError.Create(path, $"the name '{property.Name}' appears twice in the header");
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, path);
                else entries.Add(ReadEntry(property.Name, property.Value, dataLength, path));
            }
        }
        SafeTensorsLayout.CheckContiguous(entries, dataLength, path);
        return (entries, metadata);
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw SafeTensorsFormatError.Create(path, $"'{MetadataKey}' is a JSON {Describe(value.ValueKind)}, not an object of strings");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw SafeTensorsFormatError.Create(path, $"'{MetadataKey}' entry '{item.Name}' is a JSON {Describe(item.Value.ValueKind)}, not a string");
            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
                throw SafeTensorsFormatError.Create(path, $"'{MetadataKey}' entry '{item.Name}' appears twice");
        }
    }

    private static SafeTensorsEntry ReadEntry(string name, JsonElement value, long dataLength, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw SafeTensorsFormatError.Create(path, $"the entry for tensor '{name}' is a JSON {Describe(value.ValueKind)}, not an object");

        if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has no string 'dtype'");
        string dtype = dtypeElement.GetString()!;
        if (!SafeTensorsDType.TryParse(dtype, out var type, out int elementSize))
            throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has unknown or unsupported dtype '{dtype}' (supported: {SafeTensorsDType.SupportedCodes})");

        if (!value.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array)
            throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has no 'shape' array");
        var shape = new long[shapeElement.GetArrayLength()];
        for (int i = 0; i < shape.Length; i++)
        {
            if (!TryGetNonNegative(shapeElement[i], out shape[i]))
                throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has shape {shapeElement.GetRawText()}, whose dimension {i} is not a non-negative integer");
        }

        if (!value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2
            || !TryGetNonNegative(offsets[0], out long begin) || !TryGetNonNegative(offsets[1], out long end))
            throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has no 'data_offsets' pair of non-negative integers");
        string range = $"[{begin}, {end}]";
        if (end < begin)
            throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has data_offsets {range}, which end before they begin");

        long needed = ByteLength(shape, elementSize)
            ?? throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has shape {shapeElement.GetRawText()}, too large to address");
        if (end - begin != needed)
            throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has data_offsets {range} ({end - begin} bytes), but {dtype} with shape [{string.Join(", ", shape)}] needs {needed} bytes");
        if (end > dataLength)
            throw SafeTensorsFormatError.Create(path, $"tensor '{name}' has data_offsets {range}, beyond the {dataLength} data bytes in the file");
        return new SafeTensorsEntry(name, dtype, type, shape, begin, end);
    }

    private static bool TryGetNonNegative(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value) && value >= 0;
    }

    /// <summary>Elements × element size, or null when the product overflows 64 bits.</summary>
    private static long? ByteLength(long[] shape, int elementSize)
    {
        try
        {
            long bytes = elementSize;
            foreach (long dimension in shape) bytes = checked(bytes * dimension);
            return bytes;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
