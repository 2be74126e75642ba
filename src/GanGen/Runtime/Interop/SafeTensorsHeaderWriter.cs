using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GanGen.Runtime.Interop;

/// <summary>Encodes a safetensors JSON header, space-padded so the data section starts 8-byte aligned.</summary>
internal static class SafeTensorsHeaderWriter
{
    /// <summary>Alignment of the data section's start, counted from the file's first byte.</summary>
    public const int Alignment = 8;

    // Names and metadata are written as UTF-8 rather than \u escapes so the header stays readable; JSON allows both.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The header bytes (metadata first, then entries in the given order), padded to a multiple of 8.</summary>
    public static byte[] Encode(IReadOnlyList<SafeTensorsEntry> entries, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (metadata.Count > 0)
            {
                json.WriteStartObject(SafeTensorsHeaderParser.MetadataKey);
                var keys = new List<string>(metadata.Keys);
                keys.Sort(StringComparer.Ordinal);
                foreach (var key in keys) json.WriteString(key, metadata[key]);
                json.WriteEndObject();
            }
            foreach (var entry in entries)
            {
                json.WriteStartObject(entry.Name);
                json.WriteString("dtype", entry.DType);
                json.WriteStartArray("shape");
                foreach (long dimension in entry.Shape) json.WriteNumberValue(dimension);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(entry.Begin);
                json.WriteNumberValue(entry.End);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // The 8-byte length prefix is itself aligned, so padding the header to a multiple of 8 aligns the data.
        while (buffer.Length % Alignment != 0) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }
}
