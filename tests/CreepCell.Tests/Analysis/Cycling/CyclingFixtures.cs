using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>
/// Locates the public cycler exports: the copy under Fixtures/ in the test output, else the shared data
/// folder found by walking up from the test directory. Missing both is a failure, not a skip.
/// </summary>
static class CyclingFixtures
{
    /// <summary>Neware layered export from jepegit/cellpy testdata/data/nw_regular_export_ife_example.csv (MIT).</summary>
    public static string NewareLayered => Find("neware", "neware_cellpy", "nw_regular_export_ife_example.csv");

    /// <summary>Neware record export from jepegit/cellpy testdata/data/neware_uio.csv (MIT); active mass 2.08 mg.</summary>
    public static string NewareRecord => Find("neware", "neware_cellpy", "neware_uio.csv");

    /// <summary>Arbin xlsx from be-smith/navani Example_data (MIT): graphite vs Li at 50 uA, one cycle index.</summary>
    public static string Arbin => Find("arbin", "arbin_navani", "bs542_004_gr_li_50ua_50mv_1v_191020_Channel_11.xlsx");

    static readonly Lazy<CyclerData> RecordData = new(() => CyclerFile.Read(NewareRecord));
    static readonly Lazy<CyclerData> ArbinRecords = new(() => CyclerFile.Read(Arbin));

    /// <summary>The Neware record export read once per test run (the records are immutable).</summary>
    public static CyclerData NewareRecordData => RecordData.Value;

    /// <summary>The Arbin export read once per test run.</summary>
    public static CyclerData ArbinData => ArbinRecords.Value;

    static string Find(string topic, string sharedFolder, string file)
    {
        string local = Path.Combine(AppContext.BaseDirectory, "Fixtures", topic, file);
        if (File.Exists(local)) return local;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string shared = Path.Combine(dir.FullName, "shared", "data", sharedFolder, file);
            if (File.Exists(shared)) return shared;
        }
        throw new FileNotFoundException($"test fixture {file} not found under Fixtures/{topic} nor shared/data/{sharedFolder}");
    }

    public static string TempDir()
    {
        string d = Path.Combine(Path.GetTempPath(), "creepcell-cycling-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>Records of a synthetic test in SI; kind from the sign of the current.</summary>
    public static CyclerData Synthetic(IEnumerable<(double T, double I, double V)> points, int cycle = 1)
    {
        var recs = points.Select((p, i) => new CyclerRecord(i + 2, p.T, p.I, p.V, cycle, 0,
            p.I > 0 ? StepKind.Charge : p.I < 0 ? StepKind.Discharge : StepKind.Rest)).ToList();
        return new CyclerData("synthetic", "synthetic", recs, Array.Empty<TesterCycleSummary>());
    }
}
