namespace CreepCell.Analysis.Indentation;

/// <summary>A displacement burst during loading: where it starts (row, load, depth) and how far the tip ran ahead (m).</summary>
public sealed record PopInEvent(int Index, double Load, double Depth, double Jump);

/// <summary>
/// Pop-in detection on the loading part of a test (surface to peak load). At each step the depth increment
/// is compared with what the local loading slope predicts for the load increment: the excess dh - dP / k,
/// with k the median of dP/dh over the previous steps, counts as a burst when it exceeds both
/// <see cref="PopInOptions.MinJump"/> and <see cref="PopInOptions.Factor"/> times the median depth step over the
/// same window. Consecutive flagged steps are one event.
/// </summary>
internal static class PopIns
{
    public static List<PopInEvent> Find(IndentTest test, PopInOptions o)
    {
        var (first, last) = LoadingRange(test);
        var events = new List<PopInEvent>();
        PopInEvent? open = null;
        for (int i = first + o.Window; i < last; i++)
        {
            double dh = test.Depth[i + 1] - test.Depth[i], dp = test.Load[i + 1] - test.Load[i];
            var (slope, step) = Local(test, i - o.Window, i);
            double excess = slope > 0 ? dh - dp / slope : dh;
            bool burst = excess > o.MinJump && excess > o.Factor * step;
            if (burst && open is null) open = new PopInEvent(i, test.Load[i], test.Depth[i], 0);
            if (burst) open = open! with { Jump = test.Depth[i + 1] - open.Depth };
            else if (open is not null) { events.Add(open); open = null; }
        }
        if (open is not null) events.Add(open);
        return events;
    }

    /// <summary>Rows from the first with positive load and depth (the surface) to the peak load.</summary>
    public static (int First, int Last) LoadingRange(IndentTest test)
    {
        int peak = 0;
        for (int i = 1; i < test.Count; i++) if (test.Load[i] > test.Load[peak]) peak = i;
        int end = test.FindMarker("End Of Loading");
        if (end > 0 && end < peak) peak = end;
        int first = 0;
        while (first < peak && !(test.Load[first] > 0 && test.Depth[first] > 0)) first++;
        return (first, peak);
    }

    static (double Slope, double Step) Local(IndentTest test, int from, int to)
    {
        var slopes = new List<double>();
        var steps = new List<double>();
        for (int j = Math.Max(from, 0); j < to; j++)
        {
            double dh = test.Depth[j + 1] - test.Depth[j], dp = test.Load[j + 1] - test.Load[j];
            steps.Add(Math.Abs(dh));
            if (dh > 0 && dp > 0) slopes.Add(dp / dh);
        }
        return (Median(slopes), Median(steps));
    }

    static double Median(List<double> v)
    {
        if (v.Count == 0) return 0;
        v.Sort();
        return v.Count % 2 == 1 ? v[v.Count / 2] : 0.5 * (v[v.Count / 2 - 1] + v[v.Count / 2]);
    }

    /// <summary>
    /// Fits P^(2/3) = k^(2/3) (h - h0) over the loading rows before <paramref name="popIn"/> (a straight line, so the
    /// surface offset h0 comes out of the fit) and turns k into a tip radius with the reduced modulus
    /// <paramref name="er"/>. Rows below <paramref name="minLoadFraction"/> of the pop-in load are left out: there
    /// the depth noise of a few nm is as large as the elastic depth itself. Null, with the reason, when fewer than 5 rows precede the pop-in or the fit is not rising.
    /// </summary>
    public static HertzFit? FitHertz(IndentTest test, PopInEvent popIn, double er, out string? why, double minLoadFraction = 0.1)
    {
        var (first, _) = LoadingRange(test);
        var h = new List<double>();
        var y = new List<double>();
        for (int i = first; i <= popIn.Index; i++)
        {
            if (!(test.Load[i] > minLoadFraction * popIn.Load)) continue;
            h.Add(test.Depth[i]);
            y.Add(Math.Pow(test.Load[i], 2.0 / 3.0));
        }
        if (h.Count < 5) { why = $"only {h.Count} loading points before the pop-in at {popIn.Depth * 1e9:F1} nm (need 5)"; return null; }
        var fit = LinearFit.Of(h, y);
        if (fit is null || !(fit.Slope > 0)) { why = "the load does not rise with depth before the pop-in"; return null; }
        if (!(er > 0)) { why = "no reduced modulus to turn the Hertz fit into a tip radius"; return null; }
        double k = Math.Pow(fit.Slope, 1.5);
        double radius = Math.Pow(3 * k / (4 * er), 2);
        double p0 = Math.Cbrt(6 * popIn.Load * er * er / (Math.Pow(Math.PI, 3) * radius * radius));
        why = null;
        return new HertzFit(k, -fit.Intercept / fit.Slope, fit.RSquared, h.Count, er, radius, 0.31 * p0);
    }
}
