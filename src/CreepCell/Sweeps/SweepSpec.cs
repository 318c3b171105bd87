using CreepCell.Io;
using CreepCell.Simulation;
using Tomlyn.Model;

namespace CreepCell.Sweeps;

/// <summary>
/// A sweep file (docs/sweeps.md): a base case (built-in name or case file) or a list of built-in bases,
/// fixed edits ([set]), lists per key ([vary]: full grid or zipped), samples over ranges ([sample]: Latin
/// hypercube or Sobol, seeded) and packing seeds. Read and checked before anything runs.
/// </summary>
/// <param name="Bases">the base cases; with <paramref name="VariesBase"/> (base = [...]) every one is a point of its own.</param>
public sealed record SweepSpec(string File, IReadOnlyList<SweepBase> Bases, bool VariesBase, string BaseDirectory,
    IReadOnlyList<CaseOverride> Fixed, bool Zip, IReadOnlyList<SweepList> Vary,
    string SampleMethod, int SampleCount, ulong SampleSeed, IReadOnlyList<SweepRange> Ranges, IReadOnlyList<int> Seeds)
{
    /// <summary>Every key that differs between runs, in the order of the file (the base first, the seed last).</summary>
    public IReadOnlyList<string> Parameters =>
        (VariesBase ? new[] { BaseKey } : Array.Empty<string>()).Concat(Vary.Select(v => v.Key)).Concat(Ranges.Select(r => r.Key))
            .Concat(Seeds.Count > 0 ? new[] { SeedKey } : Array.Empty<string>()).ToList();

    /// <summary>The bases as one name (the manifest's "Base").</summary>
    public string BaseName => string.Join(", ", Bases.Select(b => b.Source));

    public const string SeedKey = "microstructure.seed";

    /// <summary>The parameter that names a run's base when base = [...] lists several.</summary>
    public const string BaseKey = "base";

    public static SweepSpec ReadFile(string path)
    {
        string text;
        try { text = System.IO.File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, "cannot read the sweep file: " + e.Message);
        }
        return Read(path, text, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static SweepSpec Read(string file, string text, string directory)
    {
        var root = TomlSection.Parse(file, text);
        var (bases, variesBase, baseDir) = ReadBases(root, file, directory);
        var fixedSet = root.RawTable("set") is { } set ? Flatten(set, "", stopAt: _ => false).Select(kv => Override(file, "set." + kv.Key, kv.Key, kv.Value)).ToList() : new List<CaseOverride>();
        bool zip = false;
        var vary = new List<SweepList>();
        if (root.Section("vary") is { } v)
        {
            zip = v.Choice("mode", "grid", "grid", "zip") == "zip";
            foreach (var (key, value) in Flatten(RawWithout(root.RawTable("vary")!, "mode"), "", _ => false))
                vary.Add(ReadList(file, key, value));
            if (vary.Count == 0) throw new InputException(file, "vary", "expected at least one key with a list of values");
            if (zip && vary.Select(l => l.Values.Count).Distinct().Count() > 1)
                throw new InputException(file, "vary", $"mode = \"zip\" pairs the lists, so they need the same length; got {string.Join(", ", vary.Select(l => $"{l.Key}: {l.Values.Count}"))}");
        }
        var (method, count, sampleSeed, ranges) = root.Section("sample") is { } s ? ReadSample(s, bases, file) : ("", 0, 0UL, new List<SweepRange>());
        var seeds = ReadSeeds(root, file);
        root.RejectUnknownKeys();
        var keys = vary.Select(l => l.Key).Concat(ranges.Select(r => r.Key)).Concat(fixedSet.Select(f => f.Key)).ToList();
        if (seeds.Count > 0) keys.Add(SeedKey);
        foreach (var dup in keys.GroupBy(k => k).Where(g => g.Count() > 1))
            throw new InputException(file, dup.Key, "this key is given more than once ([set], [vary], [sample.ranges], seeds)");
        foreach (var b in bases)
            if (seeds.Count > 0 && !TomlSection.ParseTable(b.Source, b.Text).ContainsKey("microstructure"))
                throw new InputException(file, "seeds", $"packing seeds need a case with [microstructure]; {b.Source} has none");
        if (!variesBase && vary.Count == 0 && ranges.Count == 0 && seeds.Count == 0)
            throw new InputException(file, null, "nothing varies: expected base = [...], [vary], [sample] or seeds");
        return new SweepSpec(file, bases, variesBase, baseDir, fixedSet, zip, vary, method, count, sampleSeed, ranges, seeds);
    }

    static TomlTable RawWithout(TomlTable t, string key)
    {
        var copy = new TomlTable();
        foreach (var (k, v) in t) if (k != key) copy[k] = v;
        return copy;
    }

    /// <summary>base = "preset", base = ["preset", ...] (every one a point) or case = "file.toml" (relative to the
    /// sweep file). A mesh file of a case is made absolute, so that the run folders' copies find it.</summary>
    static (List<SweepBase> Bases, bool Varies, string Dir) ReadBases(TomlSection root, string file, string directory)
    {
        if (root.Has("base") == root.Has("case")) throw new InputException(file, "base", "expected either base = \"PRESET\", base = [\"PRESET\", ...] or case = \"FILE.toml\"");
        if (root.Has("case"))
        {
            var c = ReadCase(root, file, directory);
            return (new List<SweepBase> { c }, false, Path.GetDirectoryName(c.Source)!);
        }
        if (root.RawValue("base") is not TomlArray list) return (new List<SweepBase> { Preset(file, root.String("base")) }, false, directory);
        if (list.Count == 0) throw new InputException(file, "base", "the list is empty; give at least one built-in case");
        var bases = new List<SweepBase>();
        foreach (var x in list)
        {
            if (x is not string name) throw new InputException(file, "base", $"expected names of built-in cases, got {TomlSection.Describe(x)}");
            if (bases.Any(b => b.Name == name)) throw new InputException(file, "base", $"\"{name}\" is listed twice");
            bases.Add(Preset(file, name));
        }
        return (bases, true, directory);
    }

    static SweepBase Preset(string file, string preset)
    {
        if (!BuiltInCases.Names.Contains(preset)) throw new InputException(file, "base", $"no built-in case \"{preset}\"; known: {string.Join(", ", BuiltInCases.Names)}");
        return new SweepBase(preset, $"built-in case \"{preset}\"", BuiltInCases.Text(preset));
    }

    static SweepBase ReadCase(TomlSection root, string file, string directory)
    {
        string path = Path.GetFullPath(Path.Combine(directory, root.String("case")));
        if (!System.IO.File.Exists(path)) throw new InputException(file, "case", $"case file not found: {path}");
        string text = System.IO.File.ReadAllText(path);
        var model = TomlSection.ParseTable(path, text);
        if (model.TryGetValue("mesh", out var m) && m is TomlTable mesh && mesh.TryGetValue("file", out var f) && f is string meshFile)
        {
            mesh["file"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, meshFile));
            var sb = new System.Text.StringBuilder();
            TomlText.Table(sb, model, "");
            text = sb.ToString();
        }
        return new SweepBase(path, path, text);
    }

    /// <summary>Dotted keys of a table ("materials.SE.swelling" written quoted, or as nested tables).</summary>
    internal static IEnumerable<KeyValuePair<string, object>> Flatten(TomlTable t, string prefix, Func<TomlTable, bool> stopAt)
    {
        foreach (var (k, v) in t)
        {
            string key = prefix.Length == 0 ? k : $"{prefix}.{k}";
            if (v is TomlTable sub && !stopAt(sub))
                foreach (var kv in Flatten(sub, key, stopAt)) yield return kv;
            else yield return new(key, v);
        }
    }

    static CaseOverride Override(string file, string where, string key, object value)
    {
        CaseOverrides.CheckKey(key, file, where);
        return new CaseOverride(key, value, TomlText.Value(value));
    }

    static SweepList ReadList(string file, string key, object value)
    {
        CaseOverrides.CheckKey(key, file, "vary." + key);
        if (value is not TomlArray a) throw new InputException(file, "vary." + key, $"expected a list of values, got {TomlSection.Describe(value)}");
        if (a.Count == 0) throw new InputException(file, "vary." + key, "the list is empty; give at least one value");
        var values = a.Select(x => x!).ToList();
        for (int i = 0; i < values.Count; i++)
            for (int j = 0; j < i; j++)
                if (TomlText.Value(values[i]) == TomlText.Value(values[j]))
                    throw new InputException(file, "vary." + key, $"the value {TomlText.Value(values[i])} is listed twice");
        return new SweepList(key, values);
    }

    static (string, int, ulong, List<SweepRange>) ReadSample(TomlSection s, IReadOnlyList<SweepBase> bases, string file)
    {
        string method = s.Choice("method", "lhs", "lhs", "sobol");
        int count = s.Integer("count");
        if (count < 1) throw new InputException(file, s.Key("count"), $"expected a sample count of at least 1, got {count}");
        int seed = s.Integer("seed", 1);
        if (seed < 0) throw new InputException(file, s.Key("seed"), "expected a non-negative seed");
        var table = s.RawTable("ranges") ?? throw new InputException(file, s.Key("ranges"), "missing [sample.ranges]: KEY = { from = ..., to = ... }");
        s.RejectUnknownKeys();
        // each range is checked against every base (units as the case writes them)
        var models = bases.Select(b => TomlSection.ParseTable(file, b.Text)).ToList();
        var ranges = Flatten(table, "", t => t.ContainsKey("from")).Select(kv => models.Select(m => SweepRanges.Read(file, kv.Key, kv.Value, m)).ToList()[0]).ToList();
        if (ranges.Count == 0) throw new InputException(file, "sample.ranges", "expected at least one range");
        if (method == "sobol" && ranges.Count > Sampling.SobolMaxDimensions)
            throw new InputException(file, "sample.ranges", $"Sobol samples are available for up to {Sampling.SobolMaxDimensions} ranges; use method = \"lhs\"");
        return (method, count, (ulong)seed, ranges);
    }

    static List<int> ReadSeeds(TomlSection root, string file)
    {
        var arr = root.Array("seeds");
        if (arr is null) return new List<int>();
        if (arr.Count == 0) throw new InputException(file, "seeds", "the list is empty; give at least one seed");
        var seeds = new List<int>();
        foreach (var x in arr)
        {
            if (x is not long l || l < 0 || l > int.MaxValue) throw new InputException(file, "seeds", $"expected non-negative integers, got {TomlSection.Describe(x)}");
            if (seeds.Contains((int)l)) throw new InputException(file, "seeds", $"seed {l} is given twice");
            seeds.Add((int)l);
        }
        return seeds;
    }
}
