using System.Globalization;
using System.Text;
using System.Text.Json;
using CreepCell.Io;

namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Writes an <see cref="IndentReport"/> as CSV tables and one JSON file (units in the column names; empty
/// cells where a value does not exist, never NaN). Files: indents.csv, summary.csv, failures.csv, results.json,
/// and when present csm.csv, csm_averages.csv, srj.csv, srj_summary.csv, hold.csv, hold_summary.csv, frame.csv, popins.csv, surface.csv.
/// </summary>
internal static class IndentReportWriter
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static List<string> WriteAll(IndentReport r, string dir)
    {
        var written = new List<string>();
        void Put(string name, string text) { string p = Path.Combine(dir, name); AtomicFile.WriteAllText(p, text); written.Add(p); }
        Put("indents.csv", Indents(r));
        written.Add(CsvParquet.Beside(Path.Combine(dir, "indents.csv")));
        Put("summary.csv", Summary(r));
        Put("failures.csv", Failures(r));
        if (r.Indents.Any(i => i.Csm.Count > 0))
        {
            Put("csm.csv", CsmTable(r));
            written.Add(CsvParquet.Beside(Path.Combine(dir, "csm.csv")));
            Put("csm_averages.csv", CsmAverages(r));
        }
        if (r.Indents.Any(i => i.Rate != null)) { Put("srj.csv", Srj(r)); Put("srj_summary.csv", SrjSummary(r)); }
        if (r.Indents.Any(i => i.Hold != null)) { Put("hold.csv", HoldTable(r)); Put("hold_summary.csv", HoldSummary(r)); }
        if (r.Frames.Count > 0) Put("frame.csv", Frames(r));
        if (r.Surfaces.Count > 0) Put("surface.csv", Surfaces(r));
        if (r.Indents.Any(i => i.PopIn != null)) { Put("popins.csv", PopIns(r)); written.Add(CsvParquet.Beside(Path.Combine(dir, "popins.csv"))); }
        if (r.Areas.Count > 0) { Put("area_function.csv", AreaFunctions(r)); Put("area_calibration.csv", AreaPoints(r)); }
        Put("results.json", Json(r));
        return written;
    }

    /// <summary>A number for a table, or an empty cell when it is not finite.</summary>
    public static string F(double v, string fmt = "G6") => double.IsFinite(v) ? v.ToString(fmt, Inv) : "";

    static string Q(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    static string Table(string header, IEnumerable<IEnumerable<string>> rows)
    {
        var sb = new StringBuilder(header).Append('\n');
        foreach (var row in rows) sb.Append(string.Join(',', row)).Append('\n');
        return sb.ToString();
    }

    public static string Indents(IndentReport r) => Table(
        "indent,cycle,Pmax_mN,hmax_nm,S_N_per_m,hc_nm,A_um2,Er_GPa,E_GPa,H_GPa,fit_m,fit_hf_nm,fit_rms_uN,fit_points",
        r.Indents.SelectMany(i => i.Unloads).Select(u => new[]
        {
            Q(u.Indent), u.Cycle.ToString(Inv), F(u.Pmax * 1e3), F(u.Hmax * 1e9), F(u.Stiffness), F(u.ContactDepth * 1e9), F(u.ContactArea * 1e12),
            F(u.ReducedModulus / 1e9), F(u.Modulus / 1e9), F(u.Hardness / 1e9), F(u.Fit.M), F(u.Fit.Hf * 1e9), F(u.Fit.RmsResidual * 1e6), u.Fit.Points.ToString(Inv),
        }));

    /// <summary>Means over the indents of each file (one sample per file).</summary>
    static string Summary(IndentReport r) =>
        Table("file,kind,cycle,indents,Pmax_mN,E_GPa_mean,E_GPa_std,H_GPa_mean,H_GPa_std", r.PerFile().SelectMany(FileSummary));

    static IEnumerable<string[]> FileSummary(IndentReport r)
    {
        string file = Q(Path.GetFileName(r.Indents[0].File));
        var rows = r.CycleSummary().Select(c => new[]
        {
            file, "unload", c.Cycle.ToString(Inv), c.Modulus.Count.ToString(Inv), F(c.Pmax.Mean * 1e3), F(c.Modulus.Mean / 1e9), F(c.Modulus.Std / 1e9), F(c.Hardness.Mean / 1e9), F(c.Hardness.Std / 1e9),
        }).ToList();
        var (e, h) = r.CsmSummary();
        if (e.Count > 0) rows.Add(new[] { file, "csm", "", e.Count.ToString(Inv), "", F(e.Mean / 1e9), F(e.Std / 1e9), F(h.Mean / 1e9), F(h.Std / 1e9) });
        return rows;
    }

    /// <summary>Every pop-in of every indent; the Hertz columns are filled on each indent's first pop-in.</summary>
    public static string PopIns(IndentReport r) => Table(
        "indent,popin,load_mN,depth_nm,jump_nm,hertz_k_mN_per_um1.5,hertz_h0_nm,hertz_r2,hertz_points,Er_GPa,modulus_from,tip_radius_nm,max_shear_GPa",
        r.Indents.Where(i => i.PopIn != null).SelectMany(i => i.PopIn!.Events.Select((e, k) =>
        {
            var hz = k == 0 ? i.PopIn!.Hertz : null;
            return new[]
            {
                Q(i.Indent), (k + 1).ToString(Inv), F(e.Load * 1e3), F(e.Depth * 1e9), F(e.Jump * 1e9),
                hz is null ? "" : F(hz.K * 1e3 * Math.Pow(1e-6, 1.5)), hz is null ? "" : F(hz.SurfaceOffset * 1e9), hz is null ? "" : F(hz.RSquared, "F4"),
                hz is null ? "" : hz.Points.ToString(Inv), hz is null ? "" : F(hz.ReducedModulus / 1e9), k == 0 ? Q(i.PopIn!.ModulusSource) : "",
                hz is null ? "" : F(hz.TipRadius * 1e9), hz is null ? "" : F(hz.MaxShearAtPopIn / 1e9),
            };
        })));

    /// <summary>Calibrated coefficients per file in the instrument convention (hc in nm, A in nm^2).</summary>
    public static string AreaFunctions(IndentReport r) => Table("file,term,exponent,coefficient_nm,reference_E_GPa,Er_GPa,points,rejected,rms_relative_error",
        r.Areas.SelectMany(a => a.Result.Area.ToNanometre().Select((c, k) => new[]
        {
            Q(Path.GetFileName(a.File)), $"C{k}", F(AreaFunction.Exponent(k)), F(c, "G10"), F(a.Result.ReferenceModulus / 1e9), F(a.Result.ReducedModulus / 1e9),
            a.Result.Points.Count(p => !p.Rejected).ToString(Inv), a.Result.Points.Count(p => p.Rejected).ToString(Inv), F(a.Result.RmsRelativeError),
        })));

    static string AreaPoints(IndentReport r) => Table("file,indent,cycle,hc_nm,A_nm2,A_fit_nm2,rejected",
        r.Areas.SelectMany(a => a.Result.Points.Select(p => new[]
        {
            Q(Path.GetFileName(a.File)), Q(p.Indent), p.Cycle.ToString(Inv), F(p.ContactDepth * 1e9), F(p.Area * 1e18), F(p.FittedArea * 1e18), p.Rejected ? "yes" : "no",
        })));

    static string Failures(IndentReport r) => Table("indent,cycle,reason",
        r.Failures.Select(f => new[] { Q(f.Indent), f.Cycle.ToString(Inv), Q(f.Reason) }));

    public static string CsmTable(IndentReport r) => Table(
        "indent,depth_nm,load_mN,S_N_per_m,hc_nm,E_GPa,H_GPa,E_instrument_GPa,H_instrument_GPa",
        r.Indents.SelectMany(i => i.Csm.Select(c => new[]
        {
            Q(i.Indent), F(c.Depth * 1e9), F(c.Load * 1e3), F(c.Stiffness), F(c.ContactDepth * 1e9), F(c.Modulus / 1e9), F(c.Hardness / 1e9),
            F(c.InstrumentModulus / 1e9), F(c.InstrumentHardness / 1e9),
        })));

    static string CsmAverages(IndentReport r) => Table(
        "indent,from_nm,to_nm,points,E_GPa_mean,E_GPa_std,H_GPa_mean,H_GPa_std",
        r.Indents.Where(i => i.CsmAverage != null).Select(i => new[]
        {
            Q(i.Indent), F(r.Job.CsmFrom * 1e9), F(r.Job.CsmTo * 1e9), i.CsmAverage!.Value.Modulus.Count.ToString(Inv),
            F(i.CsmAverage.Value.Modulus.Mean / 1e9), F(i.CsmAverage.Value.Modulus.Std / 1e9), F(i.CsmAverage.Value.Hardness.Mean / 1e9), F(i.CsmAverage.Value.Hardness.Std / 1e9),
        }));

    static string Srj(IndentReport r) => Table("indent,segment,depth_from_nm,depth_to_nm,strain_rate_per_s,H_GPa,points",
        r.Indents.Where(i => i.Rate != null).SelectMany(i => i.Rate!.Segments.Select((s, k) => new[]
        {
            Q(i.Indent), (k + 1).ToString(Inv), F(s.DepthFrom * 1e9), F(s.DepthTo * 1e9), F(s.StrainRate), F(s.Hardness / 1e9), s.Points.ToString(Inv),
        })));

    static string SrjSummary(IndentReport r) => Table("indent,m,m_error,n,n_error,segments",
        r.Indents.Where(i => i.Rate != null).Select(i => new[]
        {
            Q(i.Indent), F(i.Rate!.M), F(i.Rate.MError), F(i.Rate.N), F(i.Rate.NError), i.Rate.Segments.Count.ToString(Inv),
        }));

    static string HoldTable(IndentReport r) => Table("indent,time_s,depth_nm,strain_rate_per_s,stress_GPa",
        r.Indents.Where(i => i.Hold != null).SelectMany(i => i.Hold!.Points.Select(p => new[]
        {
            Q(i.Indent), F(p.Time), F(p.Depth * 1e9), F(p.StrainRate), F(p.Stress / 1e9),
        })));

    static string HoldSummary(IndentReport r) => Table("indent,load_mN,hold_s,drift_nm_per_s,n,n_error,points",
        r.Indents.Where(i => i.Hold != null).Select(i => new[]
        {
            Q(i.Indent), F(i.Hold!.HoldLoad * 1e3), F(i.Hold.HoldEnd - i.Hold.HoldStart), F(i.Hold.DriftRate * 1e9), F(i.Hold.N), F(i.Hold.NError), i.Hold.Points.Count.ToString(Inv),
        }));

    static string Frames(IndentReport r) => Table("file,frame_compliance_nm_per_mN,frame_compliance_error_nm_per_mN,frame_stiffness_N_per_m,Er_GPa,unloads,iterations,method",
        r.Frames.Select(f => new[]
        {
            Q(Path.GetFileName(f.File)), F(f.Result.Compliance * 1e6), F(f.Result.ComplianceError * 1e6), f.Result.Compliance > 0 ? F(1 / f.Result.Compliance) : "",
            F(f.Result.ReducedModulus / 1e9), f.Result.Unloads.ToString(Inv), f.Result.Iterations.ToString(Inv), Q(f.Result.Method),
        }));

    public static string Surfaces(IndentReport r) => Table("indent,surface_shift_nm,loading_exponent,fit_points,fit_window_load_mN,fit_rms_load_uN,first_contact_row",
        r.Surfaces.Select(s => new[]
        {
            Q(s.Indent), F(s.Shift * 1e9), F(s.Exponent), s.Points.ToString(Inv), F(s.WindowLoad * 1e3), F(s.RmsLoad * 1e6), s.FirstContactRow.ToString(Inv),
        }));

    static double? J(double v) => double.IsFinite(v) ? v : null;

    static object MS(MeanStd m, double scale) => new { mean = J(m.Mean / scale), std = J(m.Std / scale), count = m.Count };

    static string Json(IndentReport r)
    {
        var doc = new
        {
            units = new { load = "mN", depth = "nm", stiffness = "N/m", modulus = "GPa", hardness = "GPa", strain_rate = "1/s" },
            indents = r.Indents.Select(i => new
            {
                indent = i.Indent, file = i.File,
                settings = new { beta = i.Options.Beta, epsilon = i.Options.Epsilon, sample_poisson = i.Options.SamplePoisson, indenter_modulus_GPa = i.Options.IndenterModulus / 1e9,
                    indenter_poisson = i.Options.IndenterPoisson, area_coefficients_nm = i.Options.Area.ToNanometre(), frame_compliance_nm_per_mN = i.Options.FrameCompliance * 1e6,
                    drift_correction = i.Options.DriftCorrection, unload_window = new[] { i.Options.UnloadWindowLow, i.Options.UnloadWindowHigh } },
                unloads = i.Unloads.Select(u => new { cycle = u.Cycle, Pmax_mN = J(u.Pmax * 1e3), hmax_nm = J(u.Hmax * 1e9), S_N_per_m = J(u.Stiffness), hc_nm = J(u.ContactDepth * 1e9),
                    E_GPa = J(u.Modulus / 1e9), H_GPa = J(u.Hardness / 1e9), fit = new { B = J(u.Fit.B), m = J(u.Fit.M), hf_nm = J(u.Fit.Hf * 1e9) } }),
                csm_average = i.CsmAverage is { } a ? new { E_GPa = MS(a.Modulus, 1e9), H_GPa = MS(a.Hardness, 1e9) } : null,
                strain_rate_sensitivity = i.Rate is { } rs ? new { m = J(rs.M), m_error = J(rs.MError), n = J(rs.N), n_error = J(rs.NError) } : null,
                hold_creep = i.Hold is { } hc ? new { n = J(hc.N), n_error = J(hc.NError), load_mN = J(hc.HoldLoad * 1e3) } : null,
            }),
            summary = r.PerFile().Select(g => new
            {
                file = g.Indents[0].File,
                unload_cycles = g.CycleSummary().Select(c => new { cycle = c.Cycle, Pmax_mN = MS(c.Pmax, 1e-3), E_GPa = MS(c.Modulus, 1e9), H_GPa = MS(c.Hardness, 1e9) }),
                csm = new { from_nm = r.Job.CsmFrom * 1e9, to_nm = r.Job.CsmTo * 1e9, E_GPa = MS(g.CsmSummary().Modulus, 1e9), H_GPa = MS(g.CsmSummary().Hardness, 1e9) },
                strain_rate_sensitivity_m = MS(g.RateSensitivitySummary(), 1),
                hold_stress_exponent_n = MS(g.HoldExponentSummary(), 1),
            }),
            surface = r.Surfaces.Select(s => new { indent = s.Indent, shift_nm = J(s.Shift * 1e9), loading_exponent = J(s.Exponent), rms_load_uN = J(s.RmsLoad * 1e6) }),
            frame_calibration = r.Frames.Select(f => new { file = f.File, compliance_nm_per_mN = J(f.Result.Compliance * 1e6), error_nm_per_mN = J(f.Result.ComplianceError * 1e6), Er_GPa = J(f.Result.ReducedModulus / 1e9), unloads = f.Result.Unloads, method = f.Result.Method }),
            failures = r.Failures.Select(f => new { indent = f.Indent, cycle = f.Cycle, reason = f.Reason }),
            warnings = r.Warnings,
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }
}
