using System.IO;

namespace GanGen.Runtime.Interop;

/// <summary>Builds the one error a malformed safetensors file produces: the file's path, then the problem.</summary>
internal static class SafeTensorsFormatError
{
    /// <summary>An <see cref="InvalidDataException"/> reading <c>'path' is not a valid safetensors file: problem</c>.</summary>
    public static InvalidDataException Create(string path, string problem) =>
        new($"'{path}' is not a valid safetensors file: {problem}.");
}
