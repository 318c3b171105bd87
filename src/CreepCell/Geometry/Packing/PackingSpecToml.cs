using CreepCell.Io;
using Tomlyn.Model;

namespace CreepCell.Geometry.Packing;

/// <summary>
/// Reads the <c>[microstructure]</c> section of a case file into a <see cref="PackingSpec"/>:
/// <code>
/// [microstructure]
/// side = "20 um"            # required
/// seed = 1                  # optional, default 1
/// edge_length = "0.08 um"   # optional, default smallest mean diameter / 24
/// corner_radius = 0.2       # optional, fillet radius / particle diameter
/// min_gap = 0.02            # optional, smallest gap / mean particle diameter
/// relaxation_steps = 40     # optional
/// [microstructure.phases.Se]
/// fraction = 0.356          # required, area fraction of the RVE
/// mean_diameter = "3 um"    # required
/// cv = 0.25                 # required, log-normal coefficient of variation
/// [microstructure.voids]    # optional: pores as discrete voids, particles at the minimum gap
/// mean_diameter = "1.5 um"  # required in the table
/// cv = 0.3                  # required in the table
/// </code>
/// Pores are 1 - the sum of the fractions. Unknown and missing keys are errors that name the key.
/// </summary>
internal static class PackingSpecToml
{
    static readonly string[] SectionKeys = { "side", "seed", "edge_length", "corner_radius", "min_gap", "relaxation_steps", "phases", "voids" };
    static readonly string[] PhaseKeys = { "fraction", "mean_diameter", "cv" };
    static readonly string[] VoidKeys = { "mean_diameter", "cv" };

    /// <summary>Reads the spec from a whole case file's root table (its <c>microstructure</c> table).</summary>
    public static PackingSpec FromCase(TomlTable root, string source)
    {
        if (!root.TryGetValue("microstructure", out var section))
            throw new InputException(source, "microstructure", "missing section [microstructure]");
        if (section is not TomlTable table)
            throw new InputException(source, "microstructure", "expected a table [microstructure]");
        return FromTable(table, source, "microstructure");
    }

    /// <summary>Reads the spec from the section table itself; <paramref name="prefix"/> is its key path.</summary>
    public static PackingSpec FromTable(TomlTable t, string source, string prefix = "microstructure")
    {
        var r = new Reader(source);
        r.RejectUnknown(t, prefix, SectionKeys);
        double side = r.Quantity(t, prefix, "side", Dimension.Length)!.Value;
        ulong seed = (ulong)(r.Integer(t, prefix, "seed") ?? 1);
        double? edge = r.Quantity(t, prefix, "edge_length", Dimension.Length, required: false);
        double corner = r.Quantity(t, prefix, "corner_radius", Dimension.None, required: false) ?? 0.2;
        double gap = r.Quantity(t, prefix, "min_gap", Dimension.None, required: false) ?? 0.02;
        long steps = r.Integer(t, prefix, "relaxation_steps") ?? 40;
        if (steps < 0 || steps > 1000)
            throw new InputException(source, $"{prefix}.relaxation_steps", $"expected a number of steps between 0 and 1000, got {steps}");
        var phases = ReadPhases(r, t, prefix);
        var voids = ReadVoids(r, t, prefix);
        return new PackingSpec(side, seed, phases, edge, corner, gap, (int)steps, source, prefix, voids);
    }

    static VoidSpec? ReadVoids(Reader r, TomlTable t, string prefix)
    {
        string key = $"{prefix}.voids";
        if (!t.TryGetValue("voids", out var value)) return null;
        if (value is not TomlTable vt)
            throw new InputException(r.Source, key, "expected a table with mean_diameter and cv");
        r.RejectUnknown(vt, key, VoidKeys);
        double diameter = r.Quantity(vt, key, "mean_diameter", Dimension.Length)!.Value;
        double cv = r.Quantity(vt, key, "cv", Dimension.None)!.Value;
        return new VoidSpec(diameter, cv);
    }

    static List<PhaseSpec> ReadPhases(Reader r, TomlTable t, string prefix)
    {
        string key = $"{prefix}.phases";
        if (!t.TryGetValue("phases", out var value))
            throw new InputException(r.Source, key, "missing the particle phases (add a table [" + key + ".NAME] per phase)");
        if (value is not TomlTable table)
            throw new InputException(r.Source, key, "expected a table of phases, one [" + key + ".NAME] each");
        var phases = new List<PhaseSpec>();
        foreach (var (name, entry) in table)
        {
            string pk = $"{key}.{name}";
            if (entry is not TomlTable pt)
                throw new InputException(r.Source, pk, "expected a table with fraction, mean_diameter and cv");
            r.RejectUnknown(pt, pk, PhaseKeys);
            double fraction = r.Quantity(pt, pk, "fraction", Dimension.None)!.Value;
            double diameter = r.Quantity(pt, pk, "mean_diameter", Dimension.Length)!.Value;
            double cv = r.Quantity(pt, pk, "cv", Dimension.None)!.Value;
            phases.Add(new PhaseSpec(name, fraction, diameter, cv));
        }
        if (phases.Count == 0) throw new InputException(r.Source, key, "expected at least one particle phase");
        return phases;
    }

    sealed class Reader
    {
        public string Source { get; }

        public Reader(string source) => Source = source;

        public void RejectUnknown(TomlTable t, string prefix, string[] known)
        {
            foreach (var k in t.Keys)
                if (Array.IndexOf(known, k) < 0)
                    throw new InputException(Source, $"{prefix}.{k}", $"unknown key; expected one of {string.Join(", ", known)}");
        }

        /// <summary>A number (SI) or a string with a unit; null when absent and optional.</summary>
        public double? Quantity(TomlTable t, string prefix, string key, Dimension dim, bool required = true)
        {
            string full = $"{prefix}.{key}";
            if (!t.TryGetValue(key, out var v))
            {
                if (required) throw new InputException(Source, full, $"missing required key (expected {Expectation(dim)})");
                return null;
            }
            return v switch
            {
                long l => l,
                double d when double.IsFinite(d) => d,
                string s => Units.Parse(s, dim, Source, full),
                _ => throw new InputException(Source, full, $"expected {Expectation(dim)}, got {Describe(v)}"),
            };
        }

        public long? Integer(TomlTable t, string prefix, string key)
        {
            if (!t.TryGetValue(key, out var v)) return null;
            if (v is long l && l >= 0) return l;
            throw new InputException(Source, $"{prefix}.{key}", $"expected a non-negative integer, got {Describe(v)}");
        }

        static string Expectation(Dimension dim) =>
            dim == Dimension.None ? "a number" : $"a number in SI units or a string with a unit of {dim} such as \"2 um\"";

        static string Describe(object v) => v switch
        {
            string s => $"\"{s}\"",
            TomlTable => "a table",
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "nothing",
        };
    }
}
