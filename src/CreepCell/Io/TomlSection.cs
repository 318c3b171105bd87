using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace CreepCell.Io;

/// <summary>
/// Strict, typed access to one table of a TOML file. Every read marks its key as known;
/// <see cref="RejectUnknownKeys"/> then names any key nobody asked for. Errors name the file and the
/// dotted key.
/// </summary>
internal sealed class TomlSection
{
    readonly TomlTable table;
    readonly HashSet<string> known = new();

    public string File { get; }
    public string Path { get; }

    public TomlSection(string file, string path, TomlTable table)
    {
        File = file;
        Path = path;
        this.table = table;
    }

    public static TomlSection Parse(string file, string text) => new(file, "", ParseTable(file, text));

    /// <summary>The TOML model of a text, for callers that edit it before reading it through a section.</summary>
    public static TomlTable ParseTable(string file, string text)
    {
        TomlDuplicates.Reject(file, text);
        try
        {
            return TomlSerializer.Deserialize<TomlTable>(text)!;
        }
        catch (TomlException e)
        {
            throw new InputException(file, null, "not valid TOML: " + e.Message.Split('\n')[0]);
        }
    }

    public string Key(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => table.ContainsKey(key);

    public IEnumerable<string> Keys => table.Keys;

    InputException Error(string key, string message) => new(File, Key(key), message);

    object? Get(string key)
    {
        known.Add(key);
        return table.TryGetValue(key, out var v) ? v : null;
    }

    object Require(string key) => Get(key) ?? throw Error(key, "missing required key");

    /// <summary>The value under a required key as parsed, for readers that check its type themselves.</summary>
    public object RequiredValue(string key) => Require(key);

    /// <summary>A physical quantity: an SI number or a string with a unit.</summary>
    public double Quantity(string key, Dimension dim, double? fallback = null)
    {
        var v = Get(key);
        if (v is null) return fallback ?? throw Error(key, $"missing required key (a quantity of {dim})");
        return ToQuantity(v, dim, Key(key));
    }

    internal double ToQuantity(object v, Dimension dim, string fullKey)
    {
        double x = v switch
        {
            string s => Units.Parse(s, dim, File, fullKey),
            long l => l,
            double d => d,
            _ => throw new InputException(File, fullKey, $"expected a number or a string with a unit of {dim}, got {Describe(v)}"),
        };
        if (!double.IsFinite(x)) throw new InputException(File, fullKey, "expected a finite number");
        return x;
    }

    public double Number(string key, double? fallback = null)
    {
        var v = Get(key);
        if (v is null) return fallback ?? throw Error(key, "missing required key (a number)");
        return ToQuantity(v, Dimension.None, Key(key));
    }

    public int Integer(string key, int? fallback = null)
    {
        var v = Get(key);
        if (v is null) return fallback ?? throw Error(key, "missing required key (an integer)");
        if (v is long l && l is >= int.MinValue and <= int.MaxValue) return (int)l;
        throw Error(key, $"expected an integer, got {Describe(v)}");
    }

    public bool Boolean(string key, bool fallback)
    {
        var v = Get(key);
        if (v is null) return fallback;
        return v is bool b ? b : throw Error(key, $"expected true or false, got {Describe(v)}");
    }

    public string String(string key, string? fallback = null)
    {
        var v = Get(key);
        if (v is null) return fallback ?? throw Error(key, "missing required key (a string)");
        return v as string ?? throw Error(key, $"expected a string, got {Describe(v)}");
    }

    public string Choice(string key, string fallback, params string[] allowed)
    {
        string s = String(key, fallback);
        if (!allowed.Contains(s)) throw Error(key, $"expected one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}, got \"{s}\"");
        return s;
    }

    public TomlSection? Section(string key)
    {
        var v = Get(key);
        if (v is null) return null;
        return v is TomlTable t ? new TomlSection(File, Key(key), t) : throw Error(key, $"expected a table, got {Describe(v)}");
    }

    public TomlSection RequireSection(string key) => Section(key) ?? throw Error(key, "missing required table");

    /// <summary>Sub-tables of this table, in file order (e.g. [materials.Se], [materials.MSe]).</summary>
    public IEnumerable<(string Name, TomlSection Section)> Subsections()
    {
        foreach (var key in table.Keys.ToList())
            yield return (key, Section(key)!);
    }

    /// <summary>The raw table under a key, for readers that validate it themselves.</summary>
    public TomlTable? RawTable(string key)
    {
        var v = Get(key);
        if (v is null) return null;
        return v as TomlTable ?? throw Error(key, $"expected a table, got {Describe(v)}");
    }

    /// <summary>The raw value under a key (string, long, double, bool, table or array), for readers that accept several forms.</summary>
    public object? RawValue(string key) => Get(key);

    public TomlArray? Array(string key)
    {
        var v = Get(key);
        if (v is null) return null;
        return v as TomlArray ?? throw Error(key, $"expected an array, got {Describe(v)}");
    }

    public IEnumerable<TomlSection> TableArray(string key)
    {
        var v = Get(key);
        if (v is null) yield break;
        if (v is not TomlTableArray arr) throw Error(key, $"expected an array of tables ([[{Key(key)}]]), got {Describe(v)}");
        int i = 0;
        foreach (var t in arr) yield return new TomlSection(File, $"{Key(key)}[{i++}]", t);
    }

    public void RejectUnknownKeys()
    {
        foreach (var key in table.Keys)
            if (!known.Contains(key)) throw Error(key, "unknown key");
    }

    internal static string Describe(object? v) => v switch
    {
        null => "nothing",
        string s => $"the string \"{s}\"",
        long l => $"the integer {l}",
        double d => $"the number {d.ToString(CultureInfo.InvariantCulture)}",
        bool b => b ? "true" : "false",
        TomlTable => "a table",
        TomlArray => "an array",
        _ => v.GetType().Name,
    };
}
