using System.Security.Cryptography;
using System.Text;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Sweeps;

/// <summary>
/// The runs a sweep file expands to: the listed bases (outermost), times the [vary] lists (full grid, first
/// key slowest, or zipped), times the [sample] points, times the seeds (innermost, so the runs of a point
/// are neighbours). Every run's case
/// is read and checked here, before anything is written or run.
/// </summary>
public sealed record SweepPlan(SweepSpec Spec, IReadOnlyList<SweepRun> Runs)
{
    public IReadOnlyList<string> Parameters => Spec.Parameters;

    public int PointCount => Runs.Count == 0 ? 0 : Runs[^1].Point + 1;

    public static string RunFolder(string sweepDir, int id) => Path.Combine(sweepDir, "runs", id.ToString("D4"));

    /// <summary>A fingerprint of the whole plan: equal plans write equal run folders.</summary>
    public string Fingerprint()
    {
        var sb = new StringBuilder();
        foreach (var r in Runs) sb.Append(r.Id).Append('\n').Append(r.CaseText).Append('\0');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }

    public static SweepPlan Expand(SweepSpec spec)
    {
        var points = Cross(BasePoints(spec), Cross(VaryPoints(spec), SamplePoints(spec)));
        var seeds = spec.Seeds.Count > 0
            ? spec.Seeds.Select(s => (IReadOnlyList<CaseOverride>)new[] { new CaseOverride(SweepSpec.SeedKey, (long)s, s.ToString(System.Globalization.CultureInfo.InvariantCulture)) }).ToList()
            : new List<IReadOnlyList<CaseOverride>> { Array.Empty<CaseOverride>() };
        var runs = new List<SweepRun>();
        for (int p = 0; p < points.Count; p++)
        {
            foreach (var seed in seeds)
            {
                var values = points[p].Concat(seed).ToList();
                runs.Add(new SweepRun(runs.Count, p, values, CaseText(spec, runs.Count, values)));
            }
        }
        return new SweepPlan(spec, runs);
    }

    /// <summary>The run's case, read through the case reader: an unknown key or a bad value stops the sweep here.</summary>
    static string CaseText(SweepSpec spec, int id, IReadOnlyList<CaseOverride> values)
    {
        var b = BaseOf(spec, values);
        var all = spec.Fixed.Concat(values.Where(v => v.Key != SweepSpec.BaseKey)).ToList();
        try
        {
            return CaseReader.Read(b.Source, b.Text, spec.BaseDirectory, all, spec.File).Text;
        }
        catch (InputException e)
        {
            throw new InputException(spec.File, $"run {id:D4} ({string.Join(", ", values)})", e.Message);
        }
    }

    /// <summary>The base a run's values name (the only one when the sweep has a single base).</summary>
    public static SweepBase BaseOf(SweepSpec spec, IReadOnlyList<CaseOverride> values) =>
        values.FirstOrDefault(v => v.Key == SweepSpec.BaseKey) is { Value: string name } ? spec.Bases.First(b => b.Name == name) : spec.Bases[0];

    static List<IReadOnlyList<CaseOverride>> BasePoints(SweepSpec spec) => spec.VariesBase
        ? spec.Bases.Select(b => (IReadOnlyList<CaseOverride>)new[] { Value(SweepSpec.BaseKey, b.Name) }).ToList()
        : new() { Array.Empty<CaseOverride>() };

    static List<IReadOnlyList<CaseOverride>> VaryPoints(SweepSpec spec)
    {
        if (spec.Vary.Count == 0) return new() { Array.Empty<CaseOverride>() };
        if (spec.Zip)
        {
            return Enumerable.Range(0, spec.Vary[0].Values.Count)
                .Select(i => (IReadOnlyList<CaseOverride>)spec.Vary.Select(l => Value(l.Key, l.Values[i])).ToList()).ToList();
        }
        var points = new List<IReadOnlyList<CaseOverride>> { Array.Empty<CaseOverride>() };
        foreach (var list in spec.Vary)
            points = points.SelectMany(p => list.Values.Select(v => (IReadOnlyList<CaseOverride>)p.Append(Value(list.Key, v)).ToList())).ToList();
        return points;
    }

    static List<IReadOnlyList<CaseOverride>> SamplePoints(SweepSpec spec)
    {
        if (spec.Ranges.Count == 0) return new() { Array.Empty<CaseOverride>() };
        var unit = spec.SampleMethod == "sobol"
            ? Sampling.Sobol(spec.SampleCount, spec.Ranges.Count, spec.SampleSeed)
            : Sampling.LatinHypercube(spec.SampleCount, spec.Ranges.Count, spec.SampleSeed);
        return unit.Select(u => (IReadOnlyList<CaseOverride>)spec.Ranges.Select((r, d) => Value(r.Key, SweepRanges.Written(r, Scale(r, u[d])))).ToList()).ToList();
    }

    static double Scale(SweepRange r, double u) =>
        r.Log ? Math.Exp(Math.Log(r.From) + u * (Math.Log(r.To) - Math.Log(r.From))) : r.From + u * (r.To - r.From);

    static List<IReadOnlyList<CaseOverride>> Cross(List<IReadOnlyList<CaseOverride>> a, List<IReadOnlyList<CaseOverride>> b) =>
        a.SelectMany(x => b.Select(y => (IReadOnlyList<CaseOverride>)x.Concat(y).ToList())).ToList();

    static CaseOverride Value(string key, object value) => new(key, value, TomlText.Value(value));
}
