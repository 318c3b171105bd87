using System.CommandLine;
using System.IO.Enumeration;

namespace CreepCell.Cli;

/// <summary>
/// The one output-folder policy of every command: the folder must be writable (checked before any work),
/// and a folder that already holds files this command writes is refused unless --force is given, which
/// then deletes exactly those files first. Two runs' results never mix in one folder.
/// </summary>
sealed class OutputFolder
{
    public string Path { get; }
    readonly List<string> created;

    OutputFolder(string path, List<string> created)
    {
        Path = path;
        this.created = created;
    }

    /// <summary>The --force option of a command that writes an output folder.</summary>
    public static Option<bool> ForceOption() => new("--force") { Description = "replace the results of an earlier run in the output folder (deletes exactly the files this command writes there)" };

    /// <summary>
    /// Makes <paramref name="dir"/> ready for <paramref name="command"/>, whose output files match
    /// <paramref name="patterns"/> (file names, * as wildcard). Throws <see cref="InputException"/>
    /// naming <paramref name="option"/> when the folder cannot be written or holds another run's results.
    /// </summary>
    public static OutputFolder Claim(string dir, string option, string command, IReadOnlyList<string> patterns, bool force) =>
        Claim(dir, option, command, patterns, force, Array.Empty<(string, IReadOnlyList<string>)>());

    /// <summary>As <see cref="Claim(string, string, string, IReadOnlyList{string}, bool)"/>, for a command that
    /// also writes into <paramref name="subfolders"/> (relative paths, each with its own file patterns).</summary>
    public static OutputFolder Claim(string dir, string option, string command, IReadOnlyList<string> patterns, bool force,
        IReadOnlyList<(string Folder, IReadOnlyList<string> Patterns)> subfolders)
    {
        string full = System.IO.Path.GetFullPath(dir);
        if (File.Exists(full)) throw new InputException("command line", option, $"{full} is a file; expected a folder for the results");
        if (full == "/proc" || full.StartsWith("/proc/") || full == "/sys" || full.StartsWith("/sys/"))
            throw new InputException("command line", option, $"{full} is in a kernel file system; choose a folder on a disk");
        var created = new List<string>();
        try
        {
            for (string? d = full; d is not null && !Directory.Exists(d); d = System.IO.Path.GetDirectoryName(d)) created.Add(d);
            Directory.CreateDirectory(full);
            string probe = System.IO.Path.Combine(full, $".creepcell-write-test.{Environment.ProcessId}");
            File.WriteAllBytes(probe, Array.Empty<byte>());
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveCreated(created);
            throw new InputException("command line", option, $"cannot write to {full}: {e.Message}");
        }
        var folder = new OutputFolder(full, created);
        var earlier = Matching(full, patterns)
            .Concat(subfolders.SelectMany(s => Matching(System.IO.Path.Combine(full, s.Folder), s.Patterns))).ToList();
        if (earlier.Count > 0 && !force)
        {
            throw new InputException("command line", option,
                $"{full} already holds results of an earlier `creepcell {command}` ({Describe(earlier)}); give --force to replace them, or another folder");
        }
        foreach (var f in earlier) File.Delete(f);
        return folder;
    }

    /// <summary>Undoes <see cref="Claim"/> when the command stops on bad input before writing anything:
    /// the folders it created are removed if they are still empty.</summary>
    public void Abandon() => RemoveCreated(created);

    /// <summary>Runs <paramref name="body"/> with the folder claimed; bad input found later removes the
    /// folders the claim created, so that nothing is left behind.</summary>
    public T Use<T>(Func<OutputFolder, T> body)
    {
        try
        {
            return body(this);
        }
        catch (InputException)
        {
            Abandon();
            throw;
        }
    }

    static List<string> Matching(string dir, IReadOnlyList<string> patterns) =>
        !Directory.Exists(dir) ? new List<string>() : Directory.EnumerateFiles(dir)
            .Where(f => patterns.Any(p => FileSystemName.MatchesSimpleExpression(p, System.IO.Path.GetFileName(f), ignoreCase: false)))
            .Order(StringComparer.Ordinal).ToList();

    static string Describe(List<string> files)
    {
        var names = files.Take(4).Select(f => System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(files[0])!, f));
        return string.Join(", ", names) + (files.Count > 4 ? $" and {files.Count - 4} more" : "");
    }

    static void RemoveCreated(List<string> created)
    {
        foreach (var d in created) // deepest first
        {
            try
            {
                if (Directory.Exists(d) && !Directory.EnumerateFileSystemEntries(d).Any()) Directory.Delete(d);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
