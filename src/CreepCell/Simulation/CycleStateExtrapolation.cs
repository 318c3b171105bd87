using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>
/// The point states of a jump's landing cycle. The creep tensor Cc^-1 is extrapolated and scaled back to
/// the determinant it had at the last cycle computed in full (creep keeps the volume); the equivalent creep
/// strain is extrapolated and never decreases; the volume ratio stays.
/// </summary>
static class CycleStateExtrapolation
{
    /// <summary>States n + delta (n - previous), from two consecutive cycles of a smooth run.</summary>
    public static PointState[] Chord(PointState[] previous, PointState[] n, int delta)
    {
        var result = new PointState[n.Length];
        for (int q = 0; q < n.Length; q++)
        {
            SymTensor c = n[q].CreepInverse, p = previous[q].CreepInverse;
            var step = new SymTensor(c.Xx - p.Xx, c.Yy - p.Yy, c.Xy - p.Xy, c.Zz - p.Zz);
            result[q] = Moved(n[q], step, delta, (n[q].CreepStrain - previous[q].CreepStrain) * delta);
        }
        return result;
    }

    /// <summary>States a share of the way from <paramref name="from"/> to <paramref name="to"/> (the same
    /// points: a landing and the cycle its jump started from).</summary>
    public static PointState[] Between(PointState[] from, PointState[] to, double share)
    {
        var result = new PointState[from.Length];
        for (int q = 0; q < from.Length; q++)
        {
            SymTensor a = from[q].CreepInverse, b = to[q].CreepInverse;
            var step = new SymTensor(b.Xx - a.Xx, b.Yy - a.Yy, b.Xy - a.Xy, b.Zz - a.Zz);
            result[q] = Moved(from[q], step, share, share * (to[q].CreepStrain - from[q].CreepStrain));
        }
        return result;
    }

    /// <summary>States of the last snapshot moved along the least-squares slope of every point over all
    /// snapshots: the creep tensor in ln(cycle), as the watched stresses and contacts are fitted, the
    /// equivalent creep strain in the cycle number (it adds up). A slope over several cycles carries far
    /// less of the cycle-to-cycle scatter than the difference of the last two.</summary>
    public static PointState[] Fitted(IReadOnlyList<CycleSnapshot> window, int landing)
    {
        var last = window[^1];
        var (wLog, logLever) = Weights(window, c => Math.Log(c), landing);
        var (wLin, linLever) = Weights(window, c => c, landing);
        var result = new PointState[last.States.Length];
        for (int q = 0; q < result.Length; q++)
        {
            double xx = 0, yy = 0, xy = 0, zz = 0, strain = 0;
            for (int j = 0; j < window.Count; j++)
            {
                var s = window[j].States[q];
                xx += wLog[j] * s.CreepInverse.Xx; yy += wLog[j] * s.CreepInverse.Yy;
                xy += wLog[j] * s.CreepInverse.Xy; zz += wLog[j] * s.CreepInverse.Zz;
                strain += wLin[j] * s.CreepStrain;
            }
            result[q] = Moved(last.States[q], new SymTensor(xx, yy, xy, zz), logLever, strain * linLever);
        }
        return result;
    }

    /// <summary>The change of the displacements from the last snapshot to the landing along their
    /// least-squares slope in ln(cycle) over all snapshots.</summary>
    public static double[] FittedChange(IReadOnlyList<CycleSnapshot> window, int landing)
    {
        var (w, lever) = Weights(window, c => Math.Log(c), landing);
        var change = new double[window[^1].U.Length];
        for (int j = 0; j < window.Count; j++)
        {
            var u = window[j].U;
            for (int i = 0; i < change.Length; i++) change[i] += lever * w[j] * u[i];
        }
        return change;
    }

    /// <summary>Least-squares slope weights (x_j - mean) / Sxx over the snapshots' cycles, and how far the
    /// landing lies past the last snapshot in x.</summary>
    static (double[] Weights, double Lever) Weights(IReadOnlyList<CycleSnapshot> window, Func<double, double> x, int landing)
    {
        var xs = window.Select(s => x(s.Cycle)).ToArray();
        double mean = xs.Average(), sxx = xs.Sum(v => (v - mean) * (v - mean));
        return (xs.Select(v => (v - mean) / sxx).ToArray(), x(landing) - xs[^1]);
    }

    /// <summary>The state moved by lever times a per-cycle step of its creep tensor, with strainGain added.</summary>
    static PointState Moved(PointState n, SymTensor step, double lever, double strainGain)
    {
        SymTensor c = n.CreepInverse;
        var x = new SymTensor(c.Xx + lever * step.Xx, c.Yy + lever * step.Yy, c.Xy + lever * step.Xy, c.Zz + lever * step.Zz);
        double ratio = Determinant(c) / Determinant(x);
        if (!(ratio > 0)) return n;
        double scale = Math.Cbrt(ratio);
        x = new SymTensor(scale * x.Xx, scale * x.Yy, scale * x.Xy, scale * x.Zz);
        double strain = n.CreepStrain + strainGain;
        return n with { CreepInverse = x, CreepStrain = Math.Max(strain, n.CreepStrain) };
    }

    static double Determinant(SymTensor t) => (t.Xx * t.Yy - t.Xy * t.Xy) * t.Zz;
}
