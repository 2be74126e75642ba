using System.IO;

namespace GanGen.Runtime.Interop;

/// <summary>Checks of the interop API's path arguments: a <see cref="GanInputException"/> naming the argument.</summary>
internal static class InteropArguments
{
    /// <summary>Refuses a null, empty or blank path, or one naming an existing folder, as <paramref name="argument"/>.</summary>
    public static void RequireFilePath(string? path, string argument)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new GanInputException(argument, "is empty; name the file to write or read");
        if (Directory.Exists(path)) throw new GanInputException(argument, $"'{path}' is a folder; name a file");
    }

    /// <summary>Refuses a null, empty or blank path, or one naming an existing file, as <paramref name="argument"/>.</summary>
    public static void RequireFolderPath(string? path, string argument)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new GanInputException(argument, "is empty; name a folder");
        if (File.Exists(path)) throw new GanInputException(argument, $"'{path}' is a file; name a folder");
    }
}
