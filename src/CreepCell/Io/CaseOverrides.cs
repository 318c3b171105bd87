using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;

namespace CreepCell.Io;

/// <summary>
/// Edits of a parsed case model made before the case is validated (`creepcell run --set`, sweeps), so
/// that a set value goes through exactly the checks and units of a value in the file. A case with edits
/// is rendered back to TOML with the edits listed in its header, which is what checkpoints and sweep run
/// folders keep.
/// </summary>
internal static class CaseOverrides
{
    /// <summary>Marks the header lines that list the edits of a rendered case.</summary>
    public const string HeaderPrefix = "# set ";
    const string HeaderTitle = ", with these values set:";

    static readonly Regex KeyPart = new(@"^([A-Za-z0-9_-]+)(\[(\d+)\])?$");

    /// <summary>Reads KEY=VALUE. The value is read as a TOML value (20, 0.3, true, "10 GPa", [1, 2]);
    /// anything that is not one is taken as a string, so a shell-unquoted 1e-3 1/s works.</summary>
    public static CaseOverride Parse(string assignment, string source = "command line", string option = "--set")
    {
        int eq = assignment.IndexOf('=');
        if (eq <= 0) throw new InputException(source, option, $"expected KEY=VALUE (e.g. materials.SE.youngs_modulus=\"20 GPa\"), got \"{assignment}\"");
        string key = assignment[..eq].Trim();
        CheckKey(key, source, option);
        string text = assignment[(eq + 1)..].Trim();
        if (text.Length == 0) throw new InputException(source, option, $"no value after \"{key}=\"");
        return new CaseOverride(key, ParseValue(text), text);
    }

    /// <summary>Reads every KEY=VALUE of an option; a key given twice is an error.</summary>
    public static IReadOnlyList<CaseOverride> ParseAll(IEnumerable<string> assignments, string source = "command line", string option = "--set")
    {
        var list = new List<CaseOverride>();
        foreach (var a in assignments)
        {
            var o = Parse(a, source, option);
            if (list.Any(x => x.Key == o.Key)) throw new InputException(source, option, $"{o.Key} is set twice");
            list.Add(o);
        }
        return list;
    }

    /// <summary>A value as TOML would read it on the right of "v = ", or the text itself as a string.</summary>
    public static object ParseValue(string text)
    {
        try
        {
            var t = TomlSerializer.Deserialize<TomlTable>("v = " + text);
            if (t is not null && t.TryGetValue("v", out var v) && t.Count == 1) return v;
        }
        catch (TomlException)
        {
        }
        return text;
    }

    public static void CheckKey(string key, string source, string option)
    {
        if (key.Length == 0 || key.Split('.').Any(p => !KeyPart.IsMatch(p)))
            throw new InputException(source, option, $"\"{key}\" is not a case key (dotted names such as materials.SE.swelling or mesh.inclusions[0].radius)");
    }

    /// <summary>Sets each key in the model, creating the tables on its way; the case reader then names
    /// any key the case does not know.</summary>
    public static void Apply(TomlTable root, IEnumerable<CaseOverride> overrides, string source)
    {
        foreach (var o in overrides) Set(root, o, source);
    }

    static void Set(TomlTable root, CaseOverride o, string source)
    {
        var parts = o.Key.Split('.');
        var table = root;
        string path = "";
        for (int i = 0; i < parts.Length; i++)
        {
            var m = KeyPart.Match(parts[i]);
            string name = m.Groups[1].Value;
            path = path.Length == 0 ? name : $"{path}.{name}";
            bool last = i == parts.Length - 1;
            if (m.Groups[3].Success)
            {
                int index = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                if (!table.TryGetValue(name, out var arr) || arr is not TomlTableArray tables || index >= tables.Count)
                    throw new InputException(source, o.Key, $"the case has no table {path}[{index}] ([[{path}]] number {index + 1})");
                if (last) throw new InputException(source, o.Key, "a whole table cannot be set; set one of its keys");
                table = tables[index];
                path += $"[{index}]";
                continue;
            }
            if (last)
            {
                if (table.TryGetValue(name, out var old) && old is TomlTable or TomlTableArray)
                    throw new InputException(source, o.Key, "this is a table in the case; set one of its keys");
                table[name] = o.Value;
                return;
            }
            if (!table.TryGetValue(name, out var next))
            {
                next = new TomlTable();
                table[name] = next;
            }
            table = next as TomlTable ?? throw new InputException(source, o.Key, $"{path} is a value in the case, not a table");
        }
    }

    /// <summary>The case model as TOML, headed by the list of edits (read back by <see cref="FromHeader"/>).</summary>
    public static string Render(TomlTable root, IReadOnlyList<CaseOverride> overrides, string origin)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(origin.Replace('\n', ' ')).Append(HeaderTitle).Append('\n');
        foreach (var o in overrides) sb.Append(HeaderPrefix).Append(o.Key).Append(" = ").Append(TomlText.Value(o.Value)).Append('\n');
        sb.Append('\n');
        TomlText.Table(sb, root, "");
        return sb.ToString();
    }

    /// <summary>The edits listed in the header of a rendered case (none for a case written by hand).</summary>
    public static IReadOnlyList<CaseOverride> FromHeader(string text)
    {
        var list = new List<CaseOverride>();
        var lines = text.Split('\n');
        if (!lines[0].TrimEnd().EndsWith(HeaderTitle, StringComparison.Ordinal)) return list;
        foreach (var line in lines.Skip(1))
        {
            if (!line.StartsWith(HeaderPrefix, StringComparison.Ordinal)) break;
            int eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq < 0) break;
            string value = line[(eq + 3)..].Trim();
            list.Add(new CaseOverride(line[HeaderPrefix.Length..eq], ParseValue(value), value));
        }
        return list;
    }

    /// <summary>A value for JSON and tables: strings, numbers and booleans as they are, anything else as TOML text.</summary>
    public static object Plain(object value) => value is string or long or double or bool ? value : TomlText.Value(value);

    /// <summary>An error about a key that was set from outside names where the value came from.</summary>
    public static InputException Blame(InputException e, IReadOnlyList<CaseOverride> overrides, string origin)
    {
        if (e.Location is not { } loc) return e;
        var o = overrides.FirstOrDefault(o => loc == o.Key || loc.StartsWith(o.Key + "[", StringComparison.Ordinal));
        if (o is null) return e;
        string prefix = $"{e.Source_}: {loc}: ";
        string raw = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
        return new InputException($"{e.Source_} with {origin} {o}", loc, raw);
    }
}
