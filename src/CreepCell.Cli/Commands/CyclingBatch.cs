using System.CommandLine;
using System.Globalization;
using System.IO.Enumeration;
using CreepCell.Analysis.Cycling;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell cycling F1 F2 ... --out DIR`: every file analysed first, then one subfolder per file and summary.csv.</summary>
static class CyclingBatch
{
    /// <summary>The files named, with any argument holding * or ? expanded to the files it matches in its folder (sorted).</summary>
    public static List<string> Expand(string[] args)
    {
        var paths = new List<string>();
        foreach (var a in args)
        {
            string name = Path.GetFileName(a);
            if (name.IndexOfAny(new[] { '*', '?' }) < 0) { paths.Add(a); continue; }
            string dir = Path.GetDirectoryName(a) is { Length: > 0 } d ? d : ".";
            var hits = Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir).Where(f => FileSystemName.MatchesSimpleExpression(name, Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList()
                : new List<string>();
            if (hits.Count == 0) throw new InputException("command line", "files", $"\"{a}\" matches no file");
            paths.AddRange(hits);
        }
        var twice = paths.GroupBy(p => Path.GetFullPath(p)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InputException("command line", "files", $"{twice.Key} is given more than once");
        return paths;
    }

    /// <summary>
    /// Analyses every file before writing anything, so a bad file stops the batch with nothing written;
    /// then writes each file's results into its own subfolder of --out and summary.csv beside them.
    /// </summary>
    public static int Run(ParseResult pr, List<string> paths, Option<string?> outOption, Option<bool> force, Option<bool> json,
        Func<string, string, CyclingCommand.Analysed> analyse)
    {
        if (pr.GetValue(json)) throw new InputException("command line", "--json", "--json takes one file; several files give summary.csv with --out");
        var folders = CyclingSummary.Folders(paths);
        var subfolders = folders.Select(f => (f, (IReadOnlyList<string>)CyclingCommand.Written)).ToList();
        var claim = pr.GetValue(outOption) is string dir
            ? OutputFolder.Claim(dir, "--out", "cycling", new[] { "summary.csv", "summary.parquet" }, pr.GetValue(force), subfolders) : null;
        List<CyclingCommand.Analysed> Analyse() => paths.Select((p, i) => analyse(p, folders[i])).ToList();
        var results = claim is null ? Analyse() : claim.Use(c =>
        {
            var all = Analyse();
            for (int i = 0; i < all.Count; i++)
            {
                string sub = Path.Combine(c.Path, folders[i]);
                Directory.CreateDirectory(sub);
                all[i].Write(sub);
            }
            string summary = Path.Combine(c.Path, "summary.csv");
            CreepCell.Io.AtomicFile.WriteAllText(summary, CyclingSummary.Csv(all.Select(a => a.Summary)));
            CreepCell.Analysis.CsvParquet.Beside(summary);
            return all;
        });
        Print(results.Select(r => r.Summary).ToList());
        foreach (var r in results)
            foreach (var w in r.Warnings) Console.Error.WriteLine($"warning: {Path.GetFileName(r.Summary.File)}: {w}");
        return ExitCodes.Ok;
    }

    static void Print(List<FileSummary> files)
    {
        var t = new ScreenTable(null, "file", "cycles", "first discharge mAh", "last discharge mAh", "retention %", "mean CE %");
        foreach (var f in files)
            t.Add(Path.GetFileName(f.File), f.Cycles.ToString(CultureInfo.InvariantCulture), F(f.FirstDischargeC / 3.6), F(f.LastDischargeC / 3.6), F(f.Retention * 100), F(f.MeanEfficiency * 100));
        t.Write();
    }

    static string F(double? v) => v is double d && double.IsFinite(d) ? d.ToString("G4", CultureInfo.InvariantCulture) : "-";
}
