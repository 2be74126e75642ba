using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// <c>generate</c>'s --output: a new or empty folder, or one holding only files an earlier <c>generate</c> writes
/// (which are replaced, so no sample of an earlier, larger batch is left behind). A folder holding any other file
/// is refused rather than mixed into: the server never overwrites or deletes a file it did not write.
/// </summary>
public static partial class OutputFolder
{
    /// <summary>Refuses <paramref name="folder"/> (a <see cref="UsageException"/>) unless generate may write there; changes nothing.</summary>
    public static void Check(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new UsageException("--output must name a folder");
        if (File.Exists(folder)) throw new UsageException($"--output '{folder}' is a file; name a folder for the samples");
        if (!Directory.Exists(folder)) return;
        string? foreign = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).FirstOrDefault(name => !IsGenerated(name!));
        if (foreign is not null)
            throw new UsageException($"--output '{folder}' holds '{foreign}', which generate does not write; choose a new or empty folder");
    }

    /// <summary>Deletes the files an earlier generate wrote into <paramref name="folder"/> (after <see cref="Check"/>).</summary>
    public static void RemoveEarlierSamples(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (string file in Directory.EnumerateFiles(folder).Where(path => IsGenerated(Path.GetFileName(path))).ToArray()) File.Delete(file);
    }

    /// <summary>Whether <paramref name="name"/> is one of the files <see cref="SampleFiles.Write"/> writes.</summary>
    public static bool IsGenerated(string name) => name is "noise.f32" or "samples.f32" or "samples.json" or "samples.csv" or "grid.png" || SamplePng().IsMatch(name);

    [GeneratedRegex(@"^sample-\d{3,}\.png$")]
    private static partial Regex SamplePng();
}
