using CreepCell.Analysis.Indentation;
using Spectre.Console;

namespace CreepCell.Cli.Commands;

/// <summary>The on-screen summary of `creepcell indent`: one row per indent, mean +- std over indents, failures.</summary>
static class IndentScreen
{
    static string F(double v, string fmt) => double.IsFinite(v) ? v.ToString(fmt, System.Globalization.CultureInfo.InvariantCulture) : "-";
    static string Pm(MeanStd m, double scale, string fmt) => m.Count == 0 ? "-" : $"{F(m.Mean / scale, fmt)} ± {F(m.Std / scale, fmt)}";

    /// <summary>Mean +- std over the indents of one file (one sample).</summary>
    static void MeanRow(ScreenTable t, IndentReport g, string label)
    {
        var lastCycle = g.CycleSummary().LastOrDefault();
        var (ce, ch) = g.CsmSummary();
        t.Add(label, $"n = {g.Indents.Count}", lastCycle.Pmax.Count == 0 ? "-" : Pm(lastCycle.Pmax, 1e-3, "F3"), "",
            lastCycle.Modulus.Count == 0 ? "-" : Pm(lastCycle.Modulus, 1e9, "F2"), lastCycle.Hardness.Count == 0 ? "-" : Pm(lastCycle.Hardness, 1e9, "F3"),
            Pm(ce, 1e9, "F2"), Pm(ch, 1e9, "F3"), Pm(g.RateSensitivitySummary(), 1, "F4"), Pm(g.HoldExponentSummary(), 1, "F2"));
    }

    public static void Show(IndentReport r)
    {
        var t = new ScreenTable(null, "indent", "cycles", "Pmax (mN)", "hmax (nm)", "E unload (GPa)", "H unload (GPa)", "E CSM (GPa)", "H CSM (GPa)", "m (SRJ)", "n hold");
        foreach (var i in r.Indents)
        {
            var last = i.Unloads.LastOrDefault();
            t.Add(i.Indent, i.Unloads.Count.ToString(), last is null ? "-" : F(last.Pmax * 1e3, "F3"), last is null ? "-" : F(last.Hmax * 1e9, "F0"),
                last is null ? "-" : F(last.Modulus / 1e9, "F2"), last is null ? "-" : F(last.Hardness / 1e9, "F3"),
                i.CsmAverage is { } a ? Pm(a.Modulus, 1e9, "F2") : "-", i.CsmAverage is { } b ? Pm(b.Hardness, 1e9, "F3") : "-",
                i.Rate is { } rs ? $"{F(rs.M, "F4")} ± {F(rs.MError, "F4")}" : "-", i.Hold is { } h ? $"{F(h.N, "F2")} ± {F(h.NError, "F2")}" : "-");
        }
        var files = r.PerFile();
        foreach (var g in files) MeanRow(t, g, files.Count > 1 ? $"mean ± std, {Path.GetFileName(g.Indents[0].File)}" : "mean ± std");
        t.Write();
        var lastCycle = r.CycleSummary().LastOrDefault();
        if (lastCycle.Modulus.Count > 0) ScreenTable.Line($"unload columns: last cycle of each indent; mean over cycle {lastCycle.Cycle}. CSM: {r.Job.CsmFrom * 1e9:G4}-{r.Job.CsmTo * 1e9:G4} nm.");
        if (r.Surfaces.Count > 0)
            ScreenTable.Line($"surface: depth zero moved to first contact by {Pm(MeanStd.Of(r.Surfaces.Select(s => s.Shift)), 1e-9, "F1")} nm (from {F(r.Surfaces.Min(s => s.Shift) * 1e9, "F1")} to {F(r.Surfaces.Max(s => s.Shift) * 1e9, "F1")} nm) in {r.Surfaces.Count} indents; loading exponent {Pm(MeanStd.Of(r.Surfaces.Select(s => s.Exponent)), 1, "F2")} (surface.csv)");
        foreach (var (file, fr) in r.Frames)
            ScreenTable.Line($"frame compliance of {Markup.Escape(Path.GetFileName(file))}: {F(fr.Compliance * 1e6, "G4")} ± {F(fr.ComplianceError * 1e6, "G2")} nm/mN (stiffness {F(1 / fr.Compliance / 1e6, "G4")} MN/m) from {fr.Unloads} unloads; Er = {F(fr.ReducedModulus / 1e9, "G4")} GPa; {Markup.Escape(fr.Method)}");
        foreach (var (file, ac) in r.Areas)
            ScreenTable.Line($"tip area function of {Markup.Escape(Path.GetFileName(file))} (hc in nm, A in nm^2): {string.Join(", ", ac.Area.ToNanometre().Select((c, k) => $"C{k} = {F(c, "G6")}"))} from {ac.Points.Count(p => !p.Rejected)} unloads ({ac.Points.Count(p => p.Rejected)} rejected), rms {F(ac.RmsRelativeError * 100, "F2")} %, reference E = {F(ac.ReferenceModulus / 1e9, "G4")} GPa");
        var popins = r.Indents.Where(i => i.PopIn?.Hertz is not null).Select(i => i.PopIn!).ToList();
        if (popins.Count > 0)
            ScreenTable.Line($"pop-ins: first at {Pm(MeanStd.Of(popins.Select(p => p.Events[0].Load)), 1e-3, "F3")} mN, jump {Pm(MeanStd.Of(popins.Select(p => p.Events[0].Jump)), 1e-9, "F1")} nm; Hertz tip radius {Pm(MeanStd.Of(popins.Select(p => p.Hertz!.TipRadius)), 1e-9, "F0")} nm, max shear {Pm(MeanStd.Of(popins.Select(p => p.Hertz!.MaxShearAtPopIn)), 1e9, "F1")} GPa ({popins.Count} indents; popins.csv)");
        foreach (var w in r.Warnings)
            ScreenTable.Line($"[yellow]warning[/]: {Markup.Escape(w)}");
        foreach (var f in r.Failures)
            ScreenTable.Line($"[yellow]not analysed[/]: {Markup.Escape(f.Indent)}{(f.Cycle > 0 ? $" cycle {f.Cycle}" : "")}: {Markup.Escape(f.Reason)}");
    }
}
