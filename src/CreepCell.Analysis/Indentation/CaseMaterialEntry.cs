using System.Globalization;
using System.Text;
using CreepCell.Analysis.CreepLaw;
using CreepCell.Io;

namespace CreepCell.Analysis.Indentation;

/// <summary>
/// A measured material as a case-file entry ([materials.NAME] with youngs_modulus, poisson_ratio, swelling and a
/// [materials.NAME.creep] Norton table). Definitions: E is the mean over indents (CSM window average when there is
/// CSM data, else the deepest unload cycle); v the sample Poisson ratio of the analysis; the uniaxial stress is
/// sigma = H/3 (Tabor's constraint factor) and the uniaxial strain rate equals the indentation strain rate;
/// n = 1/m from a pooled fit of ln H on ln eps_dot over all strain-rate-jump segments, or the pooled hold-creep
/// slope; sigma_ref = mean H/3 unless chosen; A = the strain rate the fit gives at sigma_ref.
/// </summary>
internal sealed record CaseMaterialEntry(string Name, double YoungsModulus, double PoissonRatio, double Swelling, NortonParameters Creep, string Notes, double NError)
{
    /// <summary>Largest relative standard error of n written without --force: beyond it the exponent is not measured.</summary>
    public const double MaxRelativeError = 0.25;
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static CaseMaterialEntry From(IndentReport r, string name, double swelling, string swellingSource, double? sigmaRef)
    {
        var (e, v) = Elastic(r);
        var (norton, nError, how) = MeasuredCreep(r, sigmaRef);
        string notes = $"E: {e.How}; v: sample Poisson ratio used in the analysis; swelling: {swellingSource}; creep: {how}";
        return new CaseMaterialEntry(name, e.Value, v, swelling, norton, notes, nError);
    }

    /// <summary>
    /// Refuses an entry whose creep law is not measured well enough to run a simulation with: n or A not
    /// positive and finite, or the standard error of n above <see cref="MaxRelativeError"/> of n (unless forced).
    /// </summary>
    public void CheckUncertainty(bool force)
    {
        if (!(Creep.N > 0) || !double.IsFinite(Creep.N) || !(Creep.A > 0) || !double.IsFinite(Creep.A))
            throw new InputException("--to-case", null, $"the measured creep law (n = {Creep.N:G4}, A = {Creep.A:G4} 1/s) is not a positive finite Norton law; nothing written");
        double rel = NError / Creep.N;
        if (force || rel <= MaxRelativeError) return;
        string why = double.IsFinite(rel) ? $"n = {Creep.N:G4} +- {NError:G3} ({rel * 100:F0} % > {MaxRelativeError * 100:F0} %)" : $"n = {Creep.N:G4} with no uncertainty (too few points)";
        throw new InputException("--to-case", null, $"{why}: the creep exponent is not measured well enough to write into a case; use longer holds or more rate segments, or --force to write it anyway");
    }

    static ((double Value, string How), double) Elastic(IndentReport r)
    {
        double v = r.Indents.Count > 0 ? r.Indents[0].Options.SamplePoisson : 0.25;
        var (csmE, _) = r.CsmSummary();
        if (csmE.Count > 0) return ((csmE.Mean, $"mean of {csmE.Count} indents, CSM {r.Job.CsmFrom * 1e9:G4}-{r.Job.CsmTo * 1e9:G4} nm"), v);
        var last = r.CycleSummary().LastOrDefault();
        if (last.Modulus.Count > 0) return ((last.Modulus.Mean, $"mean of {last.Modulus.Count} indents, unload cycle {last.Cycle}"), v);
        throw new InputException("--to-case", null, "no indent gave a modulus; nothing to write");
    }

    static (NortonParameters, double, string) MeasuredCreep(IndentReport r, double? sigmaRef)
    {
        var segs = r.Indents.Where(i => i.Rate != null).SelectMany(i => i.Rate!.Segments).ToList();
        if (segs.Count >= 2)
        {
            var fit = LineFit.Of(segs.Select(s => Math.Log(s.StrainRate)).ToList(), segs.Select(s => Math.Log(s.Hardness)).ToList());
            double sref = sigmaRef ?? Math.Exp(segs.Average(s => Math.Log(s.Hardness))) / 3;
            double a = Math.Exp((Math.Log(3 * sref) - fit.Intercept) / fit.Slope);
            return (new NortonParameters(a, 1 / fit.Slope, sref), fit.SlopeError / (fit.Slope * fit.Slope), $"n = 1/m, m = {fit.Slope:G4} +- {fit.SlopeError:G2} from {segs.Count} strain-rate-jump segments; sigma = H/3");
        }
        var pts = r.Indents.Where(i => i.Hold != null).SelectMany(i => i.Hold!.Points).ToList();
        if (pts.Count >= 5)
        {
            var fit = LineFit.Of(pts.Select(p => Math.Log(p.Stress)).ToList(), pts.Select(p => Math.Log(p.StrainRate)).ToList());
            double sref = sigmaRef ?? Math.Exp(pts.Average(p => Math.Log(p.Stress))) / 3;
            double a = Math.Exp(fit.Intercept + fit.Slope * Math.Log(3 * sref));
            return (new NortonParameters(a, fit.Slope, sref), fit.SlopeError, $"n = {fit.Slope:G4} +- {fit.SlopeError:G2} from {pts.Count} hold-creep points; sigma = P/(24.56 h^2)/3");
        }
        throw new InputException("--to-case", null, "no creep data: add --srj (strain-rate jumps) or --hold (constant-load hold) to measure the creep exponent");
    }

    public string ToToml()
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Notes).Append('\n');
        sb.Append($"[materials.{Name}]\n");
        sb.Append($"youngs_modulus = \"{(YoungsModulus / 1e9).ToString("G6", Inv)} GPa\"\n");
        sb.Append($"poisson_ratio = {PoissonRatio.ToString("R", Inv)}\n");
        sb.Append($"swelling = {Swelling.ToString("R", Inv)}\n");
        sb.Append($"[materials.{Name}.creep]\n");
        sb.Append($"A = \"{Creep.A.ToString("G6", Inv)} 1/s\"\n");
        sb.Append($"n = {Creep.N.ToString("G6", Inv)}\n");
        sb.Append($"sigma_ref = \"{(Creep.SigmaRef / 1e6).ToString("G6", Inv)} MPa\"\n");
        return sb.ToString();
    }

    /// <summary>Throws when the case file already has [materials.NAME], so nothing is written for a refused entry.</summary>
    public void CheckTarget(string path)
    {
        if (File.Exists(path) && File.ReadAllLines(path).Any(l => l.Trim() == $"[materials.{Name}]"))
            throw new InputException(path, $"materials.{Name}", "the case file already has this material; choose another --material-name or remove it");
    }

    /// <summary>Appends the entry to a case file (creating it); refuses when the file already has [materials.NAME].</summary>
    public void AppendTo(string path)
    {
        CheckTarget(path);
        string old = File.Exists(path) ? File.ReadAllText(path) : "";
        string sep = old.Length == 0 ? "" : old.EndsWith('\n') ? "\n" : "\n\n";
        AtomicFile.WriteAllText(path, old + sep + ToToml());
    }
}
