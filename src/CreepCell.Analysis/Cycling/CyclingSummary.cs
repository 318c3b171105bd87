using System.Text;

namespace CreepCell.Analysis.Cycling;

/// <summary>summary.csv of a batch: one line per file, in mAh, mAh/g and %.</summary>
internal static class CyclingSummary
{
    public static string Csv(IEnumerable<FileSummary> files)
    {
        var sb = new StringBuilder();
        sb.AppendLine("file,folder,cycles,first_discharge_mAh,last_discharge_mAh,first_discharge_mAh_g,last_discharge_mAh_g,retention_percent,mean_coulombic_efficiency,last_cycle_incomplete");
        foreach (var f in files)
        {
            var v = new double?[] { f.Cycles, f.FirstDischargeC / CyclingReport.CoulombsPerMilliampHour, f.LastDischargeC / CyclingReport.CoulombsPerMilliampHour,
                f.FirstDischargeCPerKg / CyclingReport.CPerKgPerMilliampHourPerGram, f.LastDischargeCPerKg / CyclingReport.CPerKgPerMilliampHourPerGram,
                f.Retention * 100, f.MeanEfficiency * 100, f.LastIncomplete ? 1 : 0 };
            sb.AppendLine(string.Join(',', new[] { Quote(f.File), Quote(f.Folder) }.Concat(v.Select(CyclingReport.Format))));
        }
        return sb.ToString();
    }

    /// <summary>Folder names for the files: the file name without extension, made unique by -2, -3, ... in order.</summary>
    public static List<string> Folders(IEnumerable<string> paths)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var p in paths)
        {
            string stem = Path.GetFileNameWithoutExtension(p);
            if (stem.Length == 0) stem = "file";
            string name = stem;
            for (int k = 2; !used.Add(name); k++) name = $"{stem}-{k}";
            result.Add(name);
        }
        return result;
    }

    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
