using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Runtime.Checkpoints;

namespace GanGen.Runtime.Training;

/// <summary>
/// The one policy every GanGen program follows for the folder it writes its outputs to. A program declares the files
/// it may write (relative paths; <c>*</c> matches within one folder name, <c>**</c> any depth), records each one
/// before writing it (<see cref="Output"/>) in the folder's manifest <see cref="ManifestFile"/> (one relative path per
/// line, rewritten atomically), and so can tell its own earlier outputs from everything else:
/// <list type="bullet">
/// <item><see cref="RunStart.New"/> refuses a folder that holds an earlier run's outputs or any file the manifest
/// does not list.</item>
/// <item><see cref="RunStart.Overwrite"/> deletes exactly the files the previous manifest lists — so no stale output
/// of a longer earlier run remains — and nothing else; files it does not list stay where they are, and one that this
/// run would write over is refused instead.</item>
/// <item><see cref="RunStart.Resume"/> keeps the earlier outputs and adds to the manifest.</item>
/// </list>
/// A manifest entry that could reach outside the folder (absolute, <c>..</c>, through a symbolic link) is refused
/// before anything is deleted. Refusals are <see cref="RunFolderException"/>s (<see cref="RunFolderException.CommandLineMessage"/>
/// phrases them for a command line); a manifest that was edited is a <see cref="GanInputException"/>.
/// </summary>
public sealed class OutputFolder
{
    /// <summary>The manifest's file name, in the output folder itself.</summary>
    public const string ManifestFile = ".gangen-outputs";

    // How many foreign files a refusal names; finding that many is enough to refuse, so a huge folder is not walked.
    private const int NamedFiles = 6;

    private readonly OutputPatterns _declared;
    private readonly List<string> _recorded;
    private readonly HashSet<string> _recordedSet;

    private readonly bool _adoptsExisting;

    private OutputFolder(string path, OutputPatterns declared, List<string> recorded, IReadOnlyList<string> removed, bool adoptsExisting)
    {
        Path = path;
        _adoptsExisting = adoptsExisting;
        _declared = declared;
        _recorded = recorded;
        _recordedSet = new HashSet<string>(recorded, StringComparer.Ordinal);
        Removed = removed;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The previous run's outputs that <see cref="RunStart.Overwrite"/> deleted (relative paths).</summary>
    public IReadOnlyList<string> Removed { get; }

    /// <summary>The files this run has recorded so far (relative paths), with the kept ones when resuming.</summary>
    public IReadOnlyList<string> Recorded => _recorded;

    /// <summary>
    /// Throws when a run started with <paramref name="start"/> that writes <paramref name="outputs"/> may not use
    /// <paramref name="folder"/>; changes nothing. A folder that does not exist yet is fine.
    /// </summary>
    /// <exception cref="RunFolderException">The folder holds an earlier run's outputs or other files (new run), or a file this run would write that the manifest does not list (overwrite).</exception>
    /// <exception cref="GanInputException">The manifest lists a path that is not a file GanGen could have written inside the folder.</exception>
    public static void Check(string folder, RunStart start, IEnumerable<string> outputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(outputs);
        string full = System.IO.Path.GetFullPath(folder);
        Inspect(full, start, new OutputPatterns(outputs));
    }

    /// <summary>
    /// Checks <paramref name="folder"/> as <see cref="Check"/> does, creates it, removes stale temporary files of
    /// its outputs (writers killed mid-write) and, for <see cref="RunStart.Overwrite"/>, the files the previous
    /// manifest lists; then starts this run's manifest (continuing the previous one for <see cref="RunStart.Resume"/>).
    /// </summary>
    public static OutputFolder Open(string folder, RunStart start, IEnumerable<string> outputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(outputs);
        string full = System.IO.Path.GetFullPath(folder);
        var declared = new OutputPatterns(outputs);
        var previous = Inspect(full, start, declared);
        Directory.CreateDirectory(full);
        RemoveStaleTemporaryFiles(full, previous, declared);
        var removed = new List<string>();
        if (start == RunStart.Overwrite)
        {
            foreach (string entry in previous)
            {
                string path = Combine(full, entry);
                if (!File.Exists(path)) continue;
                File.Delete(path);
                removed.Add(entry);
            }
        }
        var recorded = start == RunStart.Resume ? previous : new List<string>();
        OutputManifest.Write(full, recorded);
        return new OutputFolder(full, declared, recorded, removed, adoptsExisting: start == RunStart.Resume);
    }

    /// <summary>
    /// Records <paramref name="relativePath"/> (one of the declared outputs, '/' between folders) in the manifest,
    /// creates its folder and returns its full path: call it before writing the file, so that a run killed while
    /// writing still lists it.
    /// </summary>
    /// <exception cref="RunFolderException">The file exists but this run did not record it (another program put it there since the check); a resumed run adopts it.</exception>
    public string Output(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        if (!_declared.Matches(relativePath))
            throw new InvalidOperationException($"'{relativePath}' is not one of the outputs declared for '{Path}' ({_declared}); declare it when opening the folder.");
        if (OutputManifest.Problem(Path, relativePath) is { } problem)
            throw new GanInputException(Combine(Path, relativePath), $"cannot be written: the path {problem}.");
        string full = Combine(Path, relativePath);
        if (_recordedSet.Contains(relativePath)) return full;
        // A resumed run continues what is there (also a run from before manifests); any other run wrote nothing yet.
        if (File.Exists(full) && !_adoptsExisting)
            throw OtherFile(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        _recorded.Add(relativePath);
        _recordedSet.Add(relativePath);
        OutputManifest.Write(Path, _recorded);
        return full;
    }

    /// <summary>
    /// Records the files below <paramref name="relativeFolder"/> that match the declared outputs and are not recorded
    /// yet: for a writer that names its own files (TensorBoard's event files). The check at opening made sure no other
    /// program's file there matches, so every such file is this run's.
    /// </summary>
    internal void RecordFound(string relativeFolder)
    {
        string root = Combine(Path, relativeFolder);
        if (!Directory.Exists(root) || FolderWalk.IsLink(root)) return;
        var found = FolderWalk.Files(root, _ => true).Select(p => relativeFolder + "/" + p)
            .Where(p => _declared.Matches(p) && !_recordedSet.Contains(p) && !FolderWalk.IsLink(Combine(Path, p))).ToList();
        if (found.Count == 0) return;
        _recorded.AddRange(found);
        _recordedSet.UnionWith(found);
        OutputManifest.Write(Path, _recorded);
    }

    /// <summary>What <paramref name="folder"/> holds besides bookkeeping files, for a refusal (empty when nothing or it does not exist).</summary>
    internal static string Contents(string folder)
    {
        if (!Directory.Exists(folder)) return "";
        var files = FolderWalk.Files(folder, _ => true).Where(p => p is not ManifestFile and not RunFolder.LockFile).Take(NamedFiles + 1).ToList();
        return Describe(files.Take(NamedFiles), more: files.Count > NamedFiles);
    }

    /// <summary>The manifest's entries that exist; throws when <paramref name="start"/> may not use the folder.</summary>
    private static List<string> Inspect(string folder, RunStart start, OutputPatterns declared)
    {
        if (File.Exists(folder))
            throw new GanInputException(folder, "is a file; an output folder is needed.");
        if (!Directory.Exists(folder)) return new List<string>();
        var listed = OutputManifest.Read(folder);
        var existing = listed.Where(entry => File.Exists(Combine(folder, entry))).ToList();
        var listedSet = new HashSet<string>(listed, StringComparer.Ordinal);
        if (start == RunStart.Resume) return existing;
        if (start == RunStart.New)
        {
            if (existing.Count > 0)
                throw new RunFolderException(folder, RunFolderProblem.HoldsAnotherRun, Describe(existing),
                    $"'{folder}' already holds an earlier run's outputs ({Describe(existing)}); overwrite them, resume the run, or choose another output folder.");
            var others = FolderWalk.Files(folder, _ => true).Where(p => !IsBookkeeping(p, listedSet, declared)).Take(NamedFiles + 1).ToList();
            if (others.Count > 0)
            {
                string found = Describe(others.Take(NamedFiles), more: others.Count > NamedFiles);
                throw new RunFolderException(folder, RunFolderProblem.HoldsOtherFiles, found,
                    $"'{folder}' holds files no GanGen run recorded writing there ({found}); write beside them with overwrite (they are kept), or choose another output folder.");
            }
            return existing;
        }
        // Overwrite: every file this run may write must be listed (then it is deleted first) or absent.
        var collisions = FolderWalk.Files(folder, declared.MayContain)
            .Where(p => declared.Matches(p) || (declared.MayContain(p) && FolderWalk.IsLink(Combine(folder, p))))
            .Where(p => !listedSet.Contains(p) && !IsBookkeeping(p, listedSet, declared))
            .Take(NamedFiles + 1).ToList();
        if (collisions.Count > 0) throw OtherFile(folder, collisions);
        return existing;
    }

    private static RunFolderException OtherFile(string folder, params IReadOnlyList<string> files)
    {
        string found = Describe(files.Take(NamedFiles), more: files.Count > NamedFiles);
        return new RunFolderException(folder, RunFolderProblem.WouldReplaceOtherFile, found,
            $"'{folder}' holds {found}, which this run would write but no earlier run recorded writing (it is not listed in {ManifestFile}); overwriting deletes only listed files, so move it away or choose another output folder.");
    }

    /// <summary>The manifest, a run's lock file and the temporary files of outputs being written: never anyone's output.</summary>
    private static bool IsBookkeeping(string relativePath, HashSet<string> listed, OutputPatterns declared)
    {
        if (relativePath is ManifestFile or RunFolder.LockFile) return true;
        string name = System.IO.Path.GetFileName(relativePath);
        if (AtomicFile.TemporaryFileTarget(name, out _) is not { } target) return false;
        string folder = System.IO.Path.GetDirectoryName(relativePath)!.Replace('\\', '/');
        string targetPath = folder.Length == 0 ? target : folder + "/" + target;
        return targetPath == ManifestFile || listed.Contains(targetPath) || declared.Matches(targetPath);
    }

    /// <summary>Deletes temporary files of listed or declared outputs whose writer no longer runs (killed mid-write).</summary>
    private static void RemoveStaleTemporaryFiles(string folder, List<string> listed, OutputPatterns declared)
    {
        var listedSet = new HashSet<string>(listed, StringComparer.Ordinal);
        foreach (string path in FolderWalk.Files(folder, declared.MayContain).ToList())
        {
            string name = System.IO.Path.GetFileName(path);
            if (AtomicFile.TemporaryFileTarget(name, out bool stale) is null || !stale || !IsBookkeeping(path, listedSet, declared)) continue;
            if (FolderWalk.IsLink(Combine(folder, path))) continue;
            File.Delete(Combine(folder, path));
        }
    }

    private static string Combine(string folder, string relativePath) => System.IO.Path.Combine(folder, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>
    /// Names files for a refusal: a sub-folder's files counted when there are more than two, at most a few items, and
    /// how many more there are (<paramref name="more"/>: the list was cut short, so there are more than it holds).
    /// </summary>
    internal static string Describe(IEnumerable<string> files, bool more = false)
    {
        var items = new List<string>();
        foreach (var group in files.GroupBy(f => f.Contains('/') ? f[..f.LastIndexOf('/')] : ""))
        {
            if (group.Key.Length > 0 && group.Count() > 2) items.Add($"{group.Count()} files in {group.Key}/");
            else items.AddRange(group);
        }
        var shown = items.Take(NamedFiles).ToList();
        if (items.Count > NamedFiles) shown.Add($"and {items.Count - NamedFiles} more");
        else if (more) shown.Add("and more");
        return string.Join(", ", shown);
    }
}
