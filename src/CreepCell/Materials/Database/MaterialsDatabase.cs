using System.Reflection;
using CreepCell.Io;
using Tomlyn;
using Tomlyn.Model;

namespace CreepCell.Materials.Database;

/// <summary>
/// The materials database: the embedded Data/materials.toml (<see cref="Default"/>) or a user file of the same
/// shape (<see cref="Load"/>). Look-ups are case-insensitive by key, formula, name or alias ("Se", "selenium",
/// "MSe", "LCO", "LPSC").
/// </summary>
public sealed class MaterialsDatabase
{
    static readonly Lazy<MaterialsDatabase> DefaultDb = new(LoadEmbedded);
    readonly Dictionary<string, MaterialRecord> _byName = new(StringComparer.OrdinalIgnoreCase);

    public static MaterialsDatabase Default => DefaultDb.Value;

    public IReadOnlyList<MaterialRecord> All { get; }

    MaterialsDatabase(IReadOnlyList<MaterialRecord> records, string source)
    {
        All = records;
        foreach (var r in records)
            foreach (var n in r.Names)
                if (_byName.TryGetValue(n, out var other) && other != r)
                    throw new InputException(source, r.Key, $"name \"{n}\" is also used by [{other.Key}]");
                else _byName[n] = r;
    }

    public bool TryGet(string name, out MaterialRecord record) => _byName.TryGetValue(name.Trim(), out record!);

    public MaterialRecord Get(string name, string source = "materials database") =>
        TryGet(name, out var r) ? r : throw new InputException(source, name, $"unknown material; known: {string.Join(", ", All.Select(a => a.Key))}");

    public static MaterialsDatabase Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InputException(path, null, $"cannot read: {e.Message}"); }
        return Parse(text, path);
    }

    static MaterialsDatabase LoadEmbedded()
    {
        var asm = Assembly.GetExecutingAssembly();
        string res = asm.GetManifestResourceNames().Single(n => n.EndsWith("materials.toml", StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(res)!);
        return Parse(reader.ReadToEnd(), "embedded materials.toml");
    }

    public static MaterialsDatabase Parse(string text, string source)
    {
        TomlTable model;
        try { model = TomlSerializer.Deserialize<TomlTable>(text, TomlSerializerOptions.Default)!; }
        catch (TomlException e) { throw new InputException(source, null, $"not valid TOML: {e.Message}"); }
        var records = new List<MaterialRecord>();
        foreach (var (key, value) in model)
        {
            if (value is not TomlTable t) throw new InputException(source, key, "expected a table [" + key + "] describing one material");
            records.Add(ReadRecord(source, key, t));
        }
        if (records.Count == 0) throw new InputException(source, null, "no materials: expected TOML tables such as [Se] with name, formula and properties (see docs/materials.md)");
        return new MaterialsDatabase(records, source);
    }

    static MaterialRecord ReadRecord(string source, string key, TomlTable t)
    {
        string Str(string k, string? fallback = null) => t.TryGetValue(k, out var v) ? v as string ?? throw new InputException(source, $"{key}.{k}", "expected a string") : fallback ?? throw new InputException(source, $"{key}.{k}", "missing");
        var aliases = t.TryGetValue("aliases", out var a) && a is TomlArray arr ? arr.Select(x => x?.ToString() ?? "").ToList() : new List<string>();
        double? electrons = !t.TryGetValue("electrons", out var e) ? null : e switch
        {
            long i when i >= 0 => i,
            double d when d >= 0 && double.IsFinite(d) => d,
            _ => throw new InputException(source, $"{key}.electrons", "expected a non-negative number of electrons per formula unit"),
        };
        MaterialProperty? P(string k, Dimension d) => ReadProperty(source, key, k, t, d);
        return new MaterialRecord(key, Str("name", key), Str("formula", key), aliases, Str("role", "active"), electrons,
            t.TryGetValue("lithiated", out var l) ? l as string : null,
            P("melting_point", Dimension.Temperature), P("density", Dimension.Density), P("theoretical_capacity", Dimension.SpecificCharge),
            P("volume_change", Dimension.None), P("youngs_modulus", Dimension.Pressure), P("poisson_ratio", Dimension.None),
            P("electronic_conductivity", Conductivity), P("ionic_conductivity", Conductivity))
        {
            WeibullStrength = Positive(P("weibull_strength", Dimension.Pressure), source, key, "weibull_strength"),
            WeibullModulus = Positive(P("weibull_modulus", Dimension.None), source, key, "weibull_modulus"),
            WeibullArea = Positive(P("weibull_area", Dimension.Area), source, key, "weibull_area"),
            FractureToughness = Positive(P("fracture_toughness", Dimension.None), source, key, "fracture_toughness"),
        };
    }

    /// <summary>Fracture properties must be positive: they divide or are raised to powers.</summary>
    static MaterialProperty? Positive(MaterialProperty? p, string source, string key, string name) =>
        p is null || p.Value > 0 ? p : throw new InputException(source, $"{key}.{name}", $"expected a positive value, got {p.Text}");

    static readonly Dimension Conductivity = new(-3, -1, 3, 0, 0, 2);

    static MaterialProperty? ReadProperty(string source, string key, string name, TomlTable t, Dimension dim)
    {
        if (!t.TryGetValue(name, out var raw)) return null;
        string where = $"{key}.{name}";
        if (raw is not TomlTable p || !p.TryGetValue("value", out var v) || !p.TryGetValue("source", out var s) || s is not string src || src.Trim().Length == 0)
            throw new InputException(source, where, "expected { value = ..., source = \"...\" } (the source may be \"assumed: reason\")");
        string text = Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        double value = v switch
        {
            string str => Units.Parse(str, dim, source, where),
            double d => d,
            long i => i,
            _ => throw new InputException(source, where, "expected a number or a string with a unit"),
        };
        if (!double.IsFinite(value)) throw new InputException(source, where, "expected a finite value");
        return new MaterialProperty(value, text, src);
    }
}
