using System;
using System.IO;

namespace GanGen.Runtime;

/// <summary>
/// The path checks every public call that reads or writes a user's file shares: a missing, empty or misplaced path,
/// a folder where a file belongs, a file that cannot be opened. Each is one <see cref="GanInputException"/> whose
/// subject is the path (or the argument's name when there is no path), never a raw IO exception.
/// </summary>
internal static class InputFiles
{
    /// <summary>A path argument that names something: not null, empty or blank.</summary>
    public static string RequirePath(string? path, string argument, string kind)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new GanInputException(argument, $"is {(path is null ? "null" : "empty")}; give the path of {kind}");
        return path;
    }

    /// <summary>An existing file to read: not a folder, not missing.</summary>
    public static string RequireFile(string? path, string argument, string kind)
    {
        RequirePath(path, argument, kind);
        if (Directory.Exists(path)) throw new GanInputException(path!, $"is a folder; give the path of {kind}");
        if (!File.Exists(path)) throw new GanInputException(path!, $"does not exist; give the path of {kind}");
        return path!;
    }

    /// <summary>An existing folder to read: not a file, not missing.</summary>
    public static string RequireFolder(string? path, string argument, string kind)
    {
        RequirePath(path, argument, kind);
        if (File.Exists(path)) throw new GanInputException(path!, $"is a file; give the path of {kind}");
        if (!Directory.Exists(path)) throw new GanInputException(path!, $"does not exist; give the path of {kind}");
        return path!;
    }

    /// <summary>A file path to read that is given and not a folder (whether it exists is the caller's check).</summary>
    public static string RequireInputPath(string? path, string argument, string kind)
    {
        RequirePath(path, argument, kind);
        if (Directory.Exists(path)) throw new GanInputException(path!, $"is a folder; give the path of {kind}");
        return path!;
    }

    /// <summary>A folder path to write into: given, and not an existing file.</summary>
    public static string RequireOutputFolder(string? path, string argument, string kind)
    {
        RequirePath(path, argument, kind);
        if (File.Exists(path)) throw new GanInputException(path!, $"is a file; give the path of {kind} to write");
        return path!;
    }

    /// <summary>A file path to write: given, and not an existing folder (which a rename cannot replace).</summary>
    public static string RequireOutputFile(string? path, string argument, string kind)
    {
        RequirePath(path, argument, kind);
        if (Directory.Exists(path)) throw new GanInputException(path!, $"is a folder; give the path of {kind} to write");
        return path!;
    }

    /// <summary>Opens <paramref name="path"/> for reading; a permission or IO failure is reported against the path.</summary>
    public static FileStream OpenRead(string path, string kind)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            throw Unreadable(path, kind, e);
        }
    }

    /// <summary>True for the exceptions the file system raises for a path a user gave (not for a bug).</summary>
    public static bool IsFileSystemError(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The exception for a file system error <paramref name="e"/> while reading <paramref name="path"/>.</summary>
    public static GanInputException Unreadable(string path, string kind, Exception e) =>
        new(path, $"cannot be read ({Reason(e)}); {kind} must be a readable file", e);

    /// <summary>The exception for a file system error <paramref name="e"/> while writing <paramref name="path"/>.</summary>
    public static GanInputException Unwritable(string path, string kind, Exception e) =>
        new(path, $"cannot be written ({Reason(e)}); {kind} must go to a writable folder", e);

    /// <summary>The cause of a file system error in a few words, on one line.</summary>
    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it does not exist",
        _ => FirstLine(e.Message),
    };

    /// <summary>The first line of <paramref name="text"/>, so that a message stays one line.</summary>
    public static string FirstLine(string text)
    {
        int end = text.IndexOfAny(new[] { '\r', '\n' });
        return (end < 0 ? text : text[..end]).Trim();
    }
}
