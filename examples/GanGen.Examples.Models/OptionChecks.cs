using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace GanGen.Examples.Models;

/// <summary>
/// Up-front checks of the examples' option values. Each returns null when the value is allowed, or the problem as
/// one sentence that names the option, what is allowed and what was given.
/// </summary>
public static partial class OptionChecks
{
    /// <summary>More intra-op threads than this only oversubscribes the cores.</summary>
    public static int MaxThreads => 4 * Environment.ProcessorCount;

    /// <summary>The first problem of several checks, or null.</summary>
    public static string? First(params string?[] problems)
    {
        foreach (var problem in problems)
        {
            if (problem is not null) return problem;
        }
        return null;
    }

    /// <summary><paramref name="value"/> must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static string? Between(string option, long value, long minimum, long maximum) =>
        value >= minimum && value <= maximum
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{option} must be between {minimum} and {maximum}; got {value}");

    /// <summary>0 (TorchSharp's default) up to <see cref="MaxThreads"/>.</summary>
    public static string? Threads(int threads) =>
        threads >= 0 && threads <= MaxThreads
            ? null
            : $"--threads must be between 0 (TorchSharp's default) and {MaxThreads} (4 × the {Environment.ProcessorCount} processors here); got {threads}";

    /// <summary>A learning rate, when given, must be a finite number in (0, 1].</summary>
    public static string? LearningRate(string option, double? rate) =>
        rate is not { } value || (double.IsFinite(value) && value > 0 && value <= 1)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{option} must be a finite number greater than 0 and at most 1; got {value}");

    /// <summary>cpu, cuda or cuda:N; the meta device holds no data and cannot train.</summary>
    public static string? Device(string name)
    {
        if (DevicePattern().IsMatch(name)) return null;
        if (string.Equals(name, "meta", StringComparison.OrdinalIgnoreCase))
            return "--device meta cannot train (meta tensors hold no data); use cpu, cuda or cuda:N";
        return $"--device must be cpu, cuda or cuda:N (N a GPU index); got '{name}'";
    }

    /// <summary>An output folder: a non-empty path that is not an existing file.</summary>
    public static string? OutputFolder(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return $"{option} must name a folder; got an empty path";
        return File.Exists(path) ? $"{option} must be a folder, but '{path}' is a file" : null;
    }

    /// <summary>An existing folder, described by what it should contain.</summary>
    public static string? ExistingFolder(string option, string? path, string contents)
    {
        if (path is null) return null;
        if (File.Exists(path)) return $"{option} must be a folder that holds {contents}, but '{path}' is a file";
        return Directory.Exists(path) ? null : $"{option}: the folder '{path}' does not exist (it should hold {contents})";
    }

    /// <summary>An existing file.</summary>
    public static string? ExistingFile(string option, string? path)
    {
        if (path is null) return null;
        if (Directory.Exists(path)) return $"{option} must be a file, but '{path}' is a folder";
        return File.Exists(path) ? null : $"{option}: the file '{path}' does not exist";
    }

    [GeneratedRegex("^(cpu|cuda(:[0-9]{1,2})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DevicePattern();
}
