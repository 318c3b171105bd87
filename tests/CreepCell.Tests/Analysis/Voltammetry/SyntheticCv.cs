using System.Globalization;
using System.Text;

namespace CreepCell.Tests.Analysis.Voltammetry;

/// <summary>
/// Voltammograms from closed forms, written in the exact CH Instruments text layout. A sweep starts at
/// eLo, turns at eHi and comes back. The reversible wave is the semi-derivative of the surface fraction
/// f = theta/(1+theta), theta = exp(nF(E-E0)/RT), along the swept potential, so that
/// i = n F A C sqrt(D v) d^1/2 f / du^1/2 (semi-infinite linear diffusion, equal D of both forms, only the
/// reduced form present at first). It is evaluated by the Grunwald sum with nodes shifted by a quarter
/// step, which is second-order accurate; the forward peak is then 0.4463 n F A C sqrt(n F v D / R T).
/// </summary>
static class SyntheticCv
{
    public const double F = 96485.33212, R = 8.314462618, T = 298.15;
    public const double E0 = 0.1, Low = -0.2, High = 0.4, Step = 0.0002;
    public static double Fn(int n) => n * F / (R * T);

    /// <summary>Potentials along the forward and reverse sweeps (V) and the sweep direction of each sample.</summary>
    public static (double[] E, int[] Dir) Path()
    {
        int half = (int)Math.Round((High - Low) / Step);
        var e = new double[2 * half + 1];
        var d = new int[e.Length];
        for (int k = 0; k < e.Length; k++)
        {
            e[k] = k <= half ? Low + k * Step : High - (k - half) * Step;
            d[k] = k < half ? 1 : -1;
        }
        return (e, d);
    }

    static double PotentialAt(double u) => u <= High - Low ? Low + u : High - (u - (High - Low));

    /// <summary>d^1/2 f / du^1/2 at each sample (V^-1/2).</summary>
    public static double[] ReversibleShape(int n)
    {
        var (e, _) = Path();
        int count = e.Length;
        var w = new double[count];
        w[0] = 1;
        for (int j = 1; j < count; j++) w[j] = w[j - 1] * (j - 1.5) / j;
        double fn = Fn(n);
        double Frac(double u)
        {
            if (u <= 0) return 0;
            double th = Math.Exp(fn * (PotentialAt(u) - E0));
            return th / (1 + th);
        }
        // f at u = (m + 1/4) h, the nodes of the Grunwald sum shifted by q h / 2 = h / 4.
        var fm = new double[count];
        for (int m = 0; m < count; m++) fm[m] = Frac((m + 0.25) * Step);
        var g = new double[count];
        for (int k = 0; k < count; k++)
        {
            double s = 0;
            for (int j = 0; j <= k; j++) s += w[j] * fm[k - j];
            g[k] = s / Math.Sqrt(Step);
        }
        return g;
    }

    /// <summary>Diffusive current (A) at scan rate v for n electrons, area A (m2), concentration C (mol/m3), diffusivity D (m2/s).</summary>
    public static double[] Diffusive(double[] shape, int n, double v, double area, double c, double d) =>
        shape.Select(g => n * F * area * c * Math.Sqrt(d * v) * g).ToArray();

    /// <summary>Surface-confined reversible couple: i = dir n^2 F^2 v A Gamma / (R T) theta / (1 + theta)^2.</summary>
    public static double[] Adsorbed(int n, double v, double area, double gamma)
    {
        var (e, dir) = Path();
        return e.Select((x, k) =>
        {
            double th = Math.Exp(Fn(n) * (x - E0));
            return dir[k] * n * n * F * F * v * area * gamma / (R * T) * th / ((1 + th) * (1 + th));
        }).ToArray();
    }

    /// <summary>A CH Instruments "Save As Text" export of a cyclic voltammogram with its Results block.</summary>
    public static string Chi(double[] e, double[] i, double scanRate, string scanRateKey = "Scan Rate (V/s)")
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("Dec. 7, 2026   00:12:33\r\nCyclic Voltammetry\r\nFile:  C:\\CHI\\synthetic.bin\r\nData Source:  Experiment\r\n");
        sb.Append("Instrument Model:  CHI660E\r\nHeader: \r\nNote: \r\n\r\n");
        sb.Append(string.Create(ci, $"Init E (V) = {Low}\r\nHigh E (V) = {High}\r\nLow E (V) = {Low}\r\nInit P/N = P\r\n{scanRateKey} = {scanRate}\r\n"));
        sb.Append("Segment = 2\r\nSample Interval (V) = 0.0002\r\nQuiet Time (sec) = 2\r\nSensitivity (A/V) = 1e-4\r\n\r\n");
        sb.Append("Results:\r\n\r\nSegment 1:\r\nEp = 0.128V\r\nip = 2.716e-5A\r\nAh = 4.157e-5C\r\n\r\n");
        sb.Append("Potential/V, Current/A\r\n\r\n");
        for (int k = 0; k < e.Length; k++)
            sb.Append(e[k].ToString("0.0000", ci)).Append(", ").Append(i[k].ToString("0.000e+0", ci)).Append("\r\n");
        return sb.ToString();
    }

    public static string TempDir()
    {
        string d = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "creepcell-cv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    public static string Write(string dir, string name, string text)
    {
        string p = System.IO.Path.Combine(dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "cv", name);
}
