using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CreepCell.Io;

/// <summary>
/// Where a result came from: the program's version and the commit it was built from, the command line,
/// the inputs with their hashes, start and end time, the machine and the thread count. Written into
/// summary.json of a run (with the full case text) and as provenance.json into the output folder of
/// every analysis command.
/// </summary>
internal sealed record Provenance(string Software, string Version, string? Commit, string CommandLine, DateTimeOffset Started, DateTimeOffset Finished,
    string Machine, string OperatingSystem, string Runtime, int ProcessorCount, int Threads, IReadOnlyList<ProvenanceInput> Inputs)
{
    public const string FileName = "provenance.json";

    /// <summary>The provenance of this process, from <paramref name="started"/> until now.</summary>
    public static Provenance Capture(DateTimeOffset started, int threads, IReadOnlyList<ProvenanceInput> inputs)
    {
        var (version, commit) = BuildVersion();
        return new Provenance("CreepCell", version, commit, CurrentCommandLine(), started, DateTimeOffset.Now, Environment.MachineName,
            System.Runtime.InteropServices.RuntimeInformation.OSDescription, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            Environment.ProcessorCount, threads, inputs);
    }

    /// <summary>When this process started (the start of an analysis command).</summary>
    public static DateTimeOffset ProcessStart => new(Process.GetCurrentProcess().StartTime);

    /// <summary>
    /// The informational version, "0.1.0+COMMIT" when the build knew its git commit (the SDK's source
    /// control information sets SourceRevisionId; pass -p:SourceRevisionId=... to build from an export).
    /// </summary>
    public static (string Version, string? Commit) BuildVersion()
    {
        string v = typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Provenance).Assembly.GetName().Version?.ToString() ?? "unknown";
        int plus = v.IndexOf('+');
        return plus < 0 ? (v, null) : (v[..plus], v[(plus + 1)..]);
    }

    /// <summary>The command as typed: the tool name, then the arguments, quoted where they hold spaces or quotes.</summary>
    public static string CurrentCommandLine()
    {
        var args = Environment.GetCommandLineArgs().Skip(1).Select(Quote);
        return string.Join(' ', args.Prepend("creepcell"));
    }

    static string Quote(string a) =>
        a.Length > 0 && a.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? a : "'" + a.Replace("'", "'\\''") + "'";

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The snake_case JSON object of summary.json and provenance.json.</summary>
    public object ToJson() => new
    {
        software = Software, version = Version, commit = Commit, command_line = CommandLine,
        started = Started.ToString("o"), finished = Finished.ToString("o"), wall_time_s = (Finished - Started).TotalSeconds,
        machine = Machine, operating_system = OperatingSystem, runtime = Runtime, processor_count = ProcessorCount, threads = Threads,
        inputs = Inputs.Select(i => new { source = i.Source, sha256 = i.Sha256, bytes = i.Bytes }),
    };

    /// <summary>provenance.json of an analysis command's output folder; its inputs are the files named on the command line.</summary>
    public static void WriteFolder(string dir, int threads = 1)
    {
        var files = Environment.GetCommandLineArgs().Skip(1).Where(File.Exists).Distinct();
        var p = Capture(ProcessStart, threads, files.Select(ProvenanceInput.OfFile).ToList());
        AtomicFile.WriteAllText(Path.Combine(dir, FileName), JsonSerializer.Serialize(p.ToJson(), Indented) + "\n");
    }

    /// <summary>Indented, with quotes, plus signs and non-ASCII letters as they are (the case text stays readable).</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
