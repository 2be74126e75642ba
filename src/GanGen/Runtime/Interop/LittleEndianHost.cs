using System;

namespace GanGen.Runtime.Interop;

/// <summary>Guards the writers and readers that copy tensor storage unchanged into little-endian formats.</summary>
internal static class LittleEndianHost
{
    /// <summary>Throws on a big-endian host, where the raw storage bytes would be in the wrong order for <paramref name="format"/>.</summary>
    public static void Require(string format)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException($"{format} stores little-endian bytes, which GanGen copies unchanged from tensor storage; this needs a little-endian host.");
    }
}
