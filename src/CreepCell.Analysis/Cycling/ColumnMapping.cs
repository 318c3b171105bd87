namespace CreepCell.Analysis.Cycling;

/// <summary>
/// User-given column mapping for plain CSV (and to override detection): role = header, with an
/// optional unit in brackets, e.g. <c>current=I/mA [mA]</c> or <c>time=Time (h) [h]</c>.
/// </summary>
internal sealed class ColumnMapping
{
    public Dictionary<ColumnRole, (string Header, string? Unit)> Entries { get; } = new();

    static readonly Dictionary<string, ColumnRole> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["time"] = ColumnRole.Time, ["current"] = ColumnRole.Current, ["voltage"] = ColumnRole.Voltage,
        ["cycle"] = ColumnRole.Cycle, ["step"] = ColumnRole.Step, ["steptype"] = ColumnRole.StepType, ["step-type"] = ColumnRole.StepType,
    };

    /// <summary>Parses entries such as <c>"current=Current/mA [mA]"</c>; <paramref name="key"/> names the option in errors.</summary>
    public static ColumnMapping Parse(IEnumerable<string> entries, string key)
    {
        var map = new ColumnMapping();
        foreach (var raw in entries)
        {
            int eq = raw.IndexOf('=');
            if (eq <= 0 || !RoleNames.TryGetValue(raw[..eq].Trim(), out var role))
                throw new InputException("command line", key, $"expected ROLE=HEADER [UNIT] with ROLE one of {string.Join(", ", RoleNames.Keys)}, got \"{raw}\"");
            string rest = raw[(eq + 1)..].Trim();
            string? unit = null;
            if (rest.EndsWith(']') && rest.LastIndexOf('[') is int lb and > 0)
            {
                unit = rest[(lb + 1)..^1].Trim();
                rest = rest[..lb].Trim();
            }
            if (rest.Length == 0) throw new InputException("command line", key, $"no header name in \"{raw}\"");
            map.Entries[role] = (rest, unit);
        }
        return map;
    }
}
