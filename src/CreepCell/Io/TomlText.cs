using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tomlyn.Model;

namespace CreepCell.Io;

/// <summary>
/// Writes a parsed TOML model back as TOML text. Floats are written with round-trip precision, so the
/// text reads back to the same doubles bit for bit.
/// </summary>
internal static class TomlText
{
    static readonly Regex Bare = new("^[A-Za-z0-9_-]+$");

    public static string Key(string key) => Bare.IsMatch(key) ? key : Quote(key);

    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    public static string Value(object? v) => v switch
    {
        string s => Quote(s),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        TomlArray a => "[" + string.Join(", ", a.Select(Value)) + "]",
        TomlTable t => "{ " + string.Join(", ", t.Select(kv => $"{Key(kv.Key)} = {Value(kv.Value)}")) + " }",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"cannot write {v?.GetType().Name ?? "null"} as TOML"),
    };

    static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        string s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }

    /// <summary>Plain values first, then sub-tables as [a.b] and arrays of tables as [[a.b]].</summary>
    public static void Table(StringBuilder sb, TomlTable table, string path)
    {
        foreach (var (k, v) in table)
            if (v is not TomlTable and not TomlTableArray) sb.Append(Key(k)).Append(" = ").Append(Value(v)).Append('\n');
        foreach (var (k, v) in table)
        {
            string sub = path.Length == 0 ? Key(k) : $"{path}.{Key(k)}";
            if (v is TomlTable t)
            {
                sb.Append('\n').Append('[').Append(sub).Append("]\n");
                Table(sb, t, sub);
            }
            else if (v is TomlTableArray arr)
            {
                foreach (var item in arr)
                {
                    sb.Append('\n').Append("[[").Append(sub).Append("]]\n");
                    Table(sb, item, sub);
                }
            }
        }
    }
}
