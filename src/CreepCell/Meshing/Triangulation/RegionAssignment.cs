using CreepCell.Geometry;

namespace CreepCell.Meshing.Triangulation;

/// <summary>Gives every group of triangles enclosed by constrained edges a region: the region whose
/// seed lies in it, else the innermost region polygon containing it, else the default region.</summary>
internal static class RegionAssignment
{
    public static string[] Assign(Cdt cdt, IReadOnlyList<RegionSpec> specs, string defaultName, out double[] maxEdge)
    {
        var names = new List<string>();
        var limits = new List<double>();
        int IdOf(string name, double h)
        {
            int i = names.IndexOf(name);
            if (i < 0) { names.Add(name); limits.Add(h); return names.Count - 1; }
            limits[i] = Math.Min(limits[i], h);
            return i;
        }
        var comp = cdt.Components(out int count);
        var compRegion = new int[count];
        Array.Fill(compRegion, -1);
        foreach (var r in specs)
        {
            int id = IdOf(r.Name, r.MaxEdge);
            if (r.Seed is not Vec2 seed) continue;
            int t = cdt.LocateBrute(seed);
            if (t >= 0 && compRegion[comp[t]] < 0) compRegion[comp[t]] = id;
        }
        var first = new int[count];
        Array.Fill(first, -1);
        for (int t = 0; t < cdt.TriCapacityUsed; t++)
            if (cdt.Alive(t) && first[comp[t]] < 0) first[comp[t]] = t;
        for (int c = 0; c < count; c++)
        {
            if (compRegion[c] >= 0) continue;
            var centroid = (1.0 / 3) * (cdt.P(first[c], 0) + cdt.P(first[c], 1) + cdt.P(first[c], 2));
            compRegion[c] = Innermost(specs, centroid, n => IdOf(n, double.PositiveInfinity))
                ?? IdOf(defaultName, double.PositiveInfinity);
        }
        for (int t = 0; t < cdt.TriCapacityUsed; t++)
            if (cdt.Alive(t)) cdt.Region[t] = compRegion[comp[t]];
        maxEdge = limits.ToArray();
        return names.ToArray();
    }

    static int? Innermost(IReadOnlyList<RegionSpec> specs, Vec2 p, Func<string, int> id)
    {
        double best = double.PositiveInfinity;
        string? name = null;
        foreach (var r in specs)
        {
            if (r.Polygon is null || !Polygons.Contains(r.Polygon, p)) continue;
            double a = Math.Abs(Polygons.SignedArea(r.Polygon));
            if (a < best) { best = a; name = r.Name; }
        }
        return name is null ? null : id(name);
    }
}
