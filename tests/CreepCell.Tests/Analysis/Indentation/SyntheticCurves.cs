using CreepCell.Analysis.Indentation;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>Indentation records built from closed forms with known E, H, unloading exponent, rate sensitivity and creep exponent.</summary>
static class SyntheticCurves
{
    public const double Beta = 1.034, V = 0.25, Ei = 1141e9, Vi = 0.07;

    public static double Er(double e) => ContactMechanics.ReducedFromSample(e, V, Ei, Vi);

    /// <summary>
    /// Peak state of an Oliver-Pharr unload with modulus e and hardness h at contact depth hc on a tip (default the ideal Berkovich):
    /// Pmax = H A, S = 2 beta / sqrt(pi) Er sqrt(A), hmax = hc + 0.75 Pmax / S.
    /// </summary>
    public static (double Pmax, double S, double Hmax) Peak(double e, double h, double hc, AreaFunction? tip = null)
    {
        double area = (tip ?? AreaFunction.IdealBerkovich).Area(hc);
        double p = h * area, s = 2 * Beta / Math.Sqrt(Math.PI) * Er(e) * Math.Sqrt(area);
        return (p, s, hc + 0.75 * p / s);
    }

    /// <summary>
    /// A multi-cycle quasi-static test: for each contact depth a loading ramp, a 5 s hold, and an unload
    /// P = Pmax ((h - hf)/(hmax - hf))^m down to 40 % of Pmax, with hmax - hf = m Pmax / S. Optional depth
    /// drift (m/s) plus a final low-load hold marked as the G200 does, and frame compliance (m/N) added to depth.
    /// </summary>
    public static IndentTest MultiCycle(double e, double h, double m, double[] contactDepths, double drift = 0, double frameCompliance = 0, AreaFunction? tip = null)
    {
        var t = new List<double>(); var p = new List<double>(); var d = new List<double>();
        var markers = new List<SegmentMarker>();
        double time = 0, lastH = 0, lastP = 0;
        void Add(double hh, double pp) { t.Add(time); p.Add(pp); d.Add(hh + drift * time + frameCompliance * pp); time += 0.1; lastH = hh; lastP = pp; }
        foreach (double hc in contactDepths)
        {
            var (pMax, s, hMax) = Peak(e, h, hc, tip);
            double hf = hMax - m * pMax / s;
            double h0 = lastH, p0 = lastP;
            for (int i = 1; i <= 100; i++) { double f = i / 100.0; Add(h0 + (hMax - h0) * f, p0 + (pMax - p0) * f * f); }
            for (int i = 0; i < 50; i++) Add(hMax, pMax);
            for (int i = 1; i <= 100; i++)
            {
                double pp = pMax * (1 - 0.6 * i / 100.0);
                Add(hf + (hMax - hf) * Math.Pow(pp / pMax, 1 / m), pp);
            }
        }
        if (drift != 0)
        {
            markers.Add(new SegmentMarker(t.Count, "Begin Drift Data Index"));
            double hh = lastH, pp = lastP;
            for (int i = 0; i < 600; i++) Add(hh, pp);
            markers.Add(new SegmentMarker(t.Count - 1, "End Drift Data Index"));
        }
        return new IndentTest("synthetic", t.ToArray(), p.ToArray(), d.ToArray(), null, null, null, markers);
    }

    /// <summary>
    /// A displacement-controlled CSM test on an ideal Berkovich with constant E and hardness H = H0 (eps/eps0)^m in
    /// segments of constant strain rate eps (h = h_start exp(eps t)). With A = 24.5 hc^2 and S proportional to hc,
    /// hc = h / (1 + 0.75 * 24.5 H / c) where S = c hc, c = 2 beta/sqrt(pi) Er sqrt(24.5).
    /// </summary>
    public static IndentTest CsmJumps(double e, double h0, double eps0, double m, double[] rates, double[] startDepths, double endDepth)
    {
        double c = 2 * Beta / Math.Sqrt(Math.PI) * Er(e) * Math.Sqrt(24.5);
        var t = new List<double>(); var p = new List<double>(); var d = new List<double>(); var s = new List<double>();
        double time = 0, depth = 50e-9;
        int seg = -1;
        while (depth < endDepth)
        {
            while (seg + 1 < startDepths.Length && depth >= startDepths[seg + 1]) seg++;
            double eps = seg < 0 ? rates[0] : rates[seg];
            double hard = h0 * Math.Pow(eps / eps0, m);
            double hc = depth / (1 + 0.75 * 24.5 * hard / c);
            t.Add(time); d.Add(depth); p.Add(hard * 24.5 * hc * hc); s.Add(c * hc);
            double dt = 0.02 / eps / 50;
            time += dt;
            depth *= Math.Exp(eps * dt);
        }
        return new IndentTest("csm", t.ToArray(), p.ToArray(), d.ToArray(), s.ToArray(), null, null, Array.Empty<SegmentMarker>());
    }

    /// <summary>
    /// A constant-load hold with eps_dot = h_dot/h = A sigma^n, sigma = P/(24.56 h^2): h(t)^(2n) = h0^(2n) + 2n A k^n t,
    /// k = P/24.56; preceded by a loading ramp and followed by an unload.
    /// </summary>
    public static IndentTest Hold(double load, double h0, double a, double n, double seconds)
    {
        double k = load / HoldCreep.BerkovichConstant;
        var t = new List<double>(); var p = new List<double>(); var d = new List<double>();
        double time = 0;
        for (int i = 1; i <= 100; i++) { t.Add(time); p.Add(load * i / 100.0); d.Add(h0 * Math.Sqrt(i / 100.0)); time += 0.1; }
        for (double s = 0; s <= seconds; s += 0.1)
        {
            t.Add(time); p.Add(load); d.Add(Math.Pow(Math.Pow(h0, 2 * n) + 2 * n * a * Math.Pow(k, n) * s, 1 / (2 * n))); time += 0.1;
        }
        double hEnd = d[^1];
        for (int i = 1; i <= 50; i++) { t.Add(time); p.Add(load * (1 - i / 50.0)); d.Add(hEnd - 0.2 * h0 * i / 50.0); time += 0.1; }
        return new IndentTest("hold", t.ToArray(), p.ToArray(), d.ToArray(), null, null, null, Array.Empty<SegmentMarker>());
    }
}
