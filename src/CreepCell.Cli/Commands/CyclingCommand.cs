using CreepCell.Materials;
using System.CommandLine;
using System.Globalization;
using CreepCell.Analysis;
using CreepCell.Analysis.Cycling;
using CreepCell.Analysis.Energy;
using CreepCell.Io;
using Spectre.Console;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell cycling FILE --out DIR`: per-cycle capacities, efficiency, dQ/dV, rate blocks, GITT and plots.</summary>
static class CyclingCommand
{
    public static Command Create()
    {
        var file = new Argument<string[]>("files") { Description = "cycler exports (or a glob such as \"data/*.csv\"): Neware CSV (record or layered), Arbin xlsx, LAND xlsx/csv, Maccor text, BioLogic .mpr/.mpt, or plain CSV with --column; several files give one subfolder each and summary.csv", Arity = ArgumentArity.OneOrMore };
        var o = new Opts();
        var cmd = new Command("cycling", "Analyse a galvanostatic cycling export: capacities, efficiency, retention, dQ/dV, rate capability, GITT");
        cmd.Arguments.Add(file);
        foreach (var opt in o.All) cmd.Options.Add(opt);
        cmd.SetAction(pr => CliGuard.Run(() => Execute(pr, pr.GetValue(file)!, o)));
        return cmd;
    }

    sealed class Opts
    {
        public readonly Option<string?> Out = new("--out") { Description = "folder for cycles.csv, steps.csv, cycles.json, dqdv.csv, dvdq.csv, peaks.csv, rate.csv, gitt.csv and PNG plots" };
        public readonly Option<string[]> Column = new("--column") { Description = "column mapping ROLE=HEADER [UNIT], ROLE in time, current, voltage, cycle, step, steptype; repeat the option", AllowMultipleArgumentsPerToken = false };
        public readonly Option<string?> Mass = new("--mass") { Description = "active material mass, e.g. \"2.08 mg\" (gives mAh/g and utilisation)" };
        public readonly Option<string?> Area = new("--area") { Description = "electrode area, e.g. \"0.785 cm2\" (gives mAh/cm2)" };
        public readonly Option<string?> Diameter = new("--diameter") { Description = "electrode diameter instead of --area, e.g. \"10 mm\"" };
        public readonly Option<string?> Theoretical = new("--theoretical") { Description = "theoretical specific capacity of the active material, e.g. \"675 mAh/g\", or Se / FeS for the paper's values" };
        public readonly Option<int> Reference = new("--reference-cycle") { Description = "cycle whose capacity is 100 % retention", DefaultValueFactory = _ => 1 };
        public readonly Option<string> Ce = new("--ce") { Description = "Coulombic efficiency: out/in (second half cycle over the first, default), discharge/charge or charge/discharge", DefaultValueFactory = _ => "out/in" };
        public readonly Option<string> RetentionOf = new("--retention-of") { Description = "capacity used for retention: discharge or charge", DefaultValueFactory = _ => "discharge" };
        public readonly Option<string?> Cycles = new("--cycles") { Description = "cycles for voltage profiles and dQ/dV, e.g. \"1,2,10\" (default: first, second, middle, last)" };
        public readonly Option<string> DqDvStep = new("--dqdv-step") { Description = "voltage bin width for dQ/dV", DefaultValueFactory = _ => "5 mV" };
        public readonly Option<string?> DqDvRange = new("--dqdv-range") { Description = "voltage range of dQ/dV as LOW,HIGH with units, e.g. \"0.05 V,1 V\" (default: the whole range)" };
        public readonly Option<int> DqDvSmooth = new("--dqdv-smooth") { Description = "moving-average window over dQ/dV and dV/dQ bins (1 = none)", DefaultValueFactory = _ => 5 };
        public readonly Option<string?> Nominal = new("--nominal-capacity") { Description = "capacity that defines 1C for the rate table, e.g. \"1.4 mAh\" (default: mass x theoretical capacity)" };
        public readonly Option<bool> GittFlag = new("--gitt") { Description = "analyse current pulses followed by rests by the Weppner-Huggins relation" };
        public readonly Option<string?> MolarVolume = new("--molar-volume") { Description = "molar volume of the active material for GITT, e.g. \"16.42 cm3/mol\" (Se)" };
        public readonly Option<string?> MolarMass = new("--molar-mass") { Description = "molar mass of the active material for GITT, e.g. \"78.97 g/mol\"" };
        public readonly Option<bool> Json = new("--json") { Description = "print JSON instead of the table" };
        public readonly Option<bool> Force = OutputFolder.ForceOption();

        public Option[] All => new Option[] { Out, Column, Mass, Area, Diameter, Theoretical, Reference, Ce, RetentionOf, Cycles, DqDvStep, DqDvRange, DqDvSmooth, Nominal, GittFlag, MolarVolume, MolarMass, Json, Force };
    }

    /// <summary>Everything `cycling` writes into its --out folder.</summary>
    internal static readonly string[] Written =
    {
        "cycles.csv", "cycles.parquet", "steps.csv", "steps.parquet", "cycles.json", "dqdv.csv", "dvdq.csv", "peaks.csv", "rate.csv", "gitt.csv", "capacity.png", "voltage_profiles.png", "dqdv.png", "dvdq.png", Provenance.FileName,
    };

    static int Execute(ParseResult pr, string[] args, Opts o)
    {
        var paths = CyclingBatch.Expand(args);
        if (paths.Count > 1) return CyclingBatch.Run(pr, paths, o.Out, o.Force, o.Json, (p, folder) => Analyse(pr, p, o, folder));
        string path = paths[0];
        var folder = pr.GetValue(o.Out) is string outDir ? OutputFolder.Claim(outDir, "--out", "cycling", Written, pr.GetValue(o.Force)) : null;
        var result = folder is null ? Analyse(pr, path, o, null) : folder.Use(f =>
        {
            var r = Analyse(pr, path, o, null);
            r.Write(f.Path);
            return r;
        });
        result.Print();
        return ExitCodes.Ok;
    }

    /// <summary>One file analysed: its summary line, and how to write its folder and print its table.</summary>
    internal sealed record Analysed(FileSummary Summary, Action<string> Write, Action Print, IReadOnlyList<string> Warnings);

    static Analysed Analyse(ParseResult pr, string path, Opts o, string? folderName)
    {
        var columns = pr.GetValue(o.Column) ?? Array.Empty<string>();
        var mapping = columns.Length > 0 ? ColumnMapping.Parse(columns, "--column") : null;
        var cell = ReadCell(pr, o);
        var convention = ParseConvention(pr.GetValue(o.Ce)!);
        var retentionOf = pr.GetValue(o.RetentionOf) switch
        {
            "discharge" => StepKind.Discharge, "charge" => StepKind.Charge,
            var x => throw new InputException("command line", "--retention-of", $"expected discharge or charge, got \"{x}\""),
        };
        int smooth = pr.GetValue(o.DqDvSmooth);
        if (smooth < 1) throw new InputException("command line", "--dqdv-smooth", $"expected a window of at least 1 bin, got {smooth}");
        double dv = OptionQuantity.Parse(pr.GetValue(o.DqDvStep)!, Dimension.Voltage, "--dqdv-step", "5 mV");
        if (!(dv > 0)) throw new InputException("command line", "--dqdv-step", "expected a positive voltage step");
        var gittInputs = pr.GetValue(o.GittFlag) ? ReadGitt(pr, o, cell) : null;

        var data = CyclerFile.Read(path, mapping);
        var options = new CycleOptions(cell, convention, pr.GetValue(o.Reference), retentionOf);
        var cycles = CycleAnalysis.Run(data, options);
        double? nominal = pr.GetValue(o.Nominal) is string n ? OptionQuantity.Positive(n, Dimension.Charge, "--nominal-capacity", "1.4 mAh")
            : cell.ActiveMassKg * cell.TheoreticalCoulombsPerKg;
        var rate = RateCapability.Blocks(cycles, nominal);
        var gitt = gittInputs is null ? null : Gitt.Analyze(data, gittInputs);
        if (gitt is { Count: 0 }) throw new InputException(path, null, "--gitt: no current pulse followed by a rest was found");
        var chosen = ChooseCycles(pr.GetValue(o.Cycles), cycles);
        var halves = HalfCycles.Split(data);
        var shown = SelectHalves(data, halves, chosen);
        var range = VoltageRange(pr.GetValue(o.DqDvRange));
        var dqdv = shown.Where(h => h.Records.Count > 2).Select(h => DifferentialCapacity.Compute(h, dv, smooth))
            .Select(c => range is var (lo, hi) ? DifferentialCapacity.Within(c, lo, hi) : c).ToList();
        var dvdq = shown.Where(h => h.Records.Count > 2).Select(h => DifferentialVoltage.Compute(h, smooth)).Where(c => c.Charge.Length > 0).ToList();
        var warnings = CycleChecks.Warnings(cycles, cell);
        if (gitt?.Count(g => !g.IsValid) is int rejected and > 0)
            warnings.Add($"GITT: {rejected} of {gitt.Count} pulses fail the validity conditions of the Weppner-Huggins relation and give no D (reasons in the table and gitt.csv)");
        string ceName = convention switch { EfficiencyConvention.DischargeOverCharge => "discharge/charge", EfficiencyConvention.ChargeOverDischarge => "charge/discharge", _ => "out/in (second half cycle over the first)" };

        void Write(string dir)
        {
            AtomicFile.WriteAllText(Path.Combine(dir, "cycles.csv"), CyclingReport.CyclesCsv(cycles));
            CsvParquet.Beside(Path.Combine(dir, "cycles.csv"));
            AtomicFile.WriteAllText(Path.Combine(dir, "steps.csv"), CyclingReport.StepsCsv(StepTable.Build(data), cell.ActiveMassKg));
            CsvParquet.Beside(Path.Combine(dir, "steps.csv"));
            AtomicFile.WriteAllText(Path.Combine(dir, "cycles.json"), CyclingReport.Json(data, cycles, rate, gitt, ceName, options, warnings));
            AtomicFile.WriteAllText(Path.Combine(dir, "dqdv.csv"), CyclingReport.DqDvCsv(dqdv, cell.ActiveMassKg));
            AtomicFile.WriteAllText(Path.Combine(dir, "dvdq.csv"), CyclingReport.DvDqCsv(dvdq, cell.ActiveMassKg));
            AtomicFile.WriteAllText(Path.Combine(dir, "peaks.csv"), CyclingReport.PeaksCsv(dqdv, dvdq, cell.ActiveMassKg));
            AtomicFile.WriteAllBytes(Path.Combine(dir, "dvdq.png"), CyclingPlots.DvDq(dvdq, cell.ActiveMassKg));
            if (rate.Count > 1) AtomicFile.WriteAllText(Path.Combine(dir, "rate.csv"), CyclingReport.RateCsv(rate));
            if (gitt is not null) AtomicFile.WriteAllText(Path.Combine(dir, "gitt.csv"), CyclingReport.GittCsv(gitt));
            AtomicFile.WriteAllBytes(Path.Combine(dir, "capacity.png"), CyclingPlots.CapacityVsCycle(cycles, cell.ActiveMassKg is not null));
            AtomicFile.WriteAllBytes(Path.Combine(dir, "voltage_profiles.png"), CyclingPlots.VoltageProfiles(shown, cell.ActiveMassKg));
            AtomicFile.WriteAllBytes(Path.Combine(dir, "dqdv.png"), CyclingPlots.DqDv(dqdv, cell.ActiveMassKg));
            Provenance.WriteFolder(dir);
        }
        void Print()
        {
            if (pr.GetValue(o.Json)) Console.WriteLine(CyclingReport.Json(data, cycles, rate, gitt, ceName, options, warnings));
            else PrintTable(data, cycles, rate, gitt, ceName);
            foreach (var w in warnings) Console.Error.WriteLine($"warning: {w}");
        }
        return new Analysed(FileSummary.Of(path, folderName ?? "", cycles), Write, Print, warnings);
    }

    static CellInfo ReadCell(ParseResult pr, Opts o)
    {
        double? mass = pr.GetValue(o.Mass) is string m ? OptionQuantity.Positive(m, Dimension.Mass, "--mass", "2.08 mg") : null;
        double? area = pr.GetValue(o.Area) is string a ? OptionQuantity.Positive(a, Dimension.Area, "--area", "0.785 cm2") : null;
        if (pr.GetValue(o.Diameter) is string d)
        {
            if (area is not null) throw new InputException("command line", "--diameter", "give --area or --diameter, not both");
            double dd = OptionQuantity.Positive(d, Dimension.Length, "--diameter", "10 mm");
            area = Math.PI * dd * dd / 4;
        }
        double? theo = pr.GetValue(o.Theoretical) is string t ? Theoretical(t) : null;
        return new CellInfo(mass, area, theo);
    }

    /// <summary>A specific capacity with its unit, or a material name known to the paper's list or the materials database.</summary>
    static double Theoretical(string text)
    {
        string t = text.Trim();
        if (LiteratureCapacities.TryGet(t, out double known, out _)) return known;
        if (CreepCell.Materials.Database.MaterialsDatabase.Default.TryGet(t, out var m) && m.TheoreticalCapacity is double q) return q;
        if (t.Length > 0 && char.IsLetter(t[0]))
            throw new InputException("command line", "--theoretical", $"no theoretical capacity known for \"{t}\"; give it with a unit, e.g. --theoretical \"675 mAh/g\"");
        return OptionQuantity.Positive(t, Dimension.SpecificCharge, "--theoretical", "675 mAh/g");
    }

    static GittInputs ReadGitt(ParseResult pr, Opts o, CellInfo cell)
    {
        string need = "--gitt needs --molar-volume, --molar-mass, --mass and --area (or --diameter)";
        if (pr.GetValue(o.MolarVolume) is not string vm || pr.GetValue(o.MolarMass) is not string mm || cell.ActiveMassKg is null || cell.AreaM2 is null)
            throw new InputException("command line", "--gitt", need);
        return new GittInputs(OptionQuantity.Positive(vm, Quantity.MolarVolume, "--molar-volume", "16.42 cm3/mol"),
            OptionQuantity.Positive(mm, Quantity.MolarMass, "--molar-mass", "78.97 g/mol"), cell.ActiveMassKg.Value, cell.AreaM2.Value);
    }

    static (double Low, double High)? VoltageRange(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2) throw new InputException("command line", "--dqdv-range", $"expected LOW,HIGH such as \"0.05 V,1 V\", got \"{text}\"");
        double lo = OptionQuantity.Parse(parts[0], Dimension.Voltage, "--dqdv-range", "0.05 V,1 V"), hi = OptionQuantity.Parse(parts[1], Dimension.Voltage, "--dqdv-range", "0.05 V,1 V");
        return lo < hi ? (lo, hi) : throw new InputException("command line", "--dqdv-range", $"expected LOW < HIGH, got \"{text}\"");
    }

    static EfficiencyConvention ParseConvention(string s) => s switch
    {
        "out/in" or "auto" => EfficiencyConvention.OutOverIn,
        "discharge/charge" => EfficiencyConvention.DischargeOverCharge,
        "charge/discharge" => EfficiencyConvention.ChargeOverDischarge,
        _ => throw new InputException("command line", "--ce", $"expected out/in, discharge/charge or charge/discharge, got \"{s}\""),
    };

    static List<int> ChooseCycles(string? text, List<CycleResult> cycles)
    {
        if (text is null)
        {
            var n = cycles.Select(c => c.Cycle).ToList();
            return new[] { n[0], n[Math.Min(1, n.Count - 1)], n[n.Count / 2], n[^1] }.Distinct().ToList();
        }
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out int c) || cycles.All(x => x.Cycle != c))
                throw new InputException("command line", "--cycles", $"\"{part}\" is not a cycle in the data (cycles {cycles[0].Cycle} to {cycles[^1].Cycle})");
            list.Add(c);
        }
        return list;
    }

    static List<HalfCycle> SelectHalves(CyclerData data, List<HalfCycle> halves, List<int> chosen)
    {
        var grouped = HalfCycles.Group(data, halves);
        return grouped.Where(g => chosen.Contains(g.Number)).SelectMany(g => g.Halves.Select(h => h with { Cycle = g.Number })).ToList();
    }

    static void PrintTable(CyclerData data, List<CycleResult> cycles, List<RateBlock> rate, List<GittPulse>? gitt, string ce)
    {
        ScreenTable.Line($"[bold]{Markup.Escape(data.Source)}[/]: {Markup.Escape(data.Format)}, {data.Records.Count} records, {cycles.Count} cycles; CE = {Markup.Escape(ce)}");
        var t = new ScreenTable(null, "cycle", "charge mAh", "discharge mAh", "CE %", "retention %", "charge mWh", "discharge mWh", "V charge", "V discharge", "mAh/g (dis.)");
        var rows = cycles.Count <= 40 ? cycles : cycles.Take(20).Concat(cycles.TakeLast(20)).ToList();
        foreach (var c in rows)
        {
            var v = CyclingReport.Row(c);
            var cells = new[] { v[0], v[1], v[2], v[3], v[10], v[4], v[5], v[12], v[13], v[7] }.Select(F).ToArray();
            if (c.Incomplete) cells[0] += " (incomplete)";
            t.Add(cells);
        }
        t.Write();
        if (rate.Count > 1)
            foreach (var b in rate)
                Console.WriteLine($"rate block cycles {b.FirstCycle}-{b.LastCycle}: {F(b.Current * 1e3)} mA{(b.CRate is double cr ? $" ({F(cr)} C)" : "")}, mean discharge {F(b.MeanDischargeC / 3.6)} mAh");
        if (gitt is not null)
            foreach (var p in gitt)
                Console.WriteLine(p.IsValid ? $"GITT pulse {p.Index}: tau {F(p.Tau)} s, dEs {F(p.DeltaEs)} V, dEt {F(p.DeltaEt)} V, D = {p.Diffusivity * 1e4:E3} cm2/s"
                    : $"GITT pulse {p.Index} rejected: {p.Rejection}");
    }

    static string F(double? v) => v is double d && double.IsFinite(d) ? d.ToString(Math.Abs(d) >= 100 ? "F1" : "G4", CultureInfo.InvariantCulture) : "-";
}
