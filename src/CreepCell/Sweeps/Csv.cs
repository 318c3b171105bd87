namespace CreepCell.Sweeps;

/// <summary>Comma-separated cells, quoted where needed (RFC 4180).</summary>
internal static class Csv
{
    public static string Cell(string s) => s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
