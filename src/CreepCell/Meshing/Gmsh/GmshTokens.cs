using System.Globalization;

namespace CreepCell.Meshing.Gmsh;

/// <summary>Whitespace-separated tokens of an ASCII .msh file with their line numbers; quoted names
/// ("a b") are one token. Every failure is an <see cref="InputException"/> naming file and line.</summary>
internal sealed class GmshTokens
{
    readonly string path;
    readonly string[] lines;
    int line = -1, pos;
    string current = "";

    public GmshTokens(string path, string[] lines)
    {
        this.path = path;
        this.lines = lines;
    }

    /// <summary>1-based line of the last token read (or of the end of the file).</summary>
    public int Line => Math.Max(1, Math.Min(line + 1, lines.Length));

    public InputException Error(string message) => new(path, $"line {Line}", message);

    public bool TryNext(out string token)
    {
        bool ok = TryNextSpan(out var span);
        token = ok ? span.ToString() : "";
        return ok;
    }

    /// <summary>The next token as a slice of its line (no allocation for numbers).</summary>
    bool TryNextSpan(out ReadOnlySpan<char> token)
    {
        while (true)
        {
            if (line >= 0)
            {
                while (pos < current.Length && char.IsWhiteSpace(current[pos])) pos++;
                if (pos < current.Length) { token = Take(); return true; }
            }
            if (line + 1 >= lines.Length) { token = default; line = lines.Length; return false; }
            current = lines[++line];
            pos = 0;
        }
    }

    ReadOnlySpan<char> Take()
    {
        int start = pos;
        if (current[pos] == '"')
        {
            int end = current.IndexOf('"', pos + 1);
            if (end < 0) throw Error("unterminated quoted name");
            pos = end + 1;
            return current.AsSpan(start, pos - start);
        }
        while (pos < current.Length && !char.IsWhiteSpace(current[pos])) pos++;
        return current.AsSpan(start, pos - start);
    }

    public string Next(string expected) => NextSpan(expected).ToString();

    ReadOnlySpan<char> NextSpan(string expected)
    {
        if (!TryNextSpan(out var t)) throw Error($"unexpected end of file, expected {expected}");
        return t;
    }

    public void Expect(string literal)
    {
        var t = Next(literal);
        if (t != literal) throw Error($"expected {literal}, found '{Shorten(t)}'");
    }

    public long NextLong(string what)
    {
        var t = NextSpan(what);
        if (!long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            throw Error($"expected {what} (an integer), found '{Shorten(t.ToString())}'");
        return v;
    }

    public int NextInt(string what)
    {
        long v = NextLong(what);
        if (v < int.MinValue || v > int.MaxValue) throw Error($"{what} {v} is out of range");
        return (int)v;
    }

    public int NextCount(string what)
    {
        int v = NextInt(what);
        if (v < 0) throw Error($"{what} must not be negative, found {v}");
        return v;
    }

    public double NextDouble(string what)
    {
        var t = NextSpan(what);
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw Error($"expected {what} (a finite number), found '{Shorten(t.ToString())}'");
        return v;
    }

    /// <summary>Skips an unknown section up to its $End marker.</summary>
    public void SkipSection(string header)
    {
        string end = "$End" + header.Substring(1);
        while (true)
        {
            if (!TryNextSpan(out var t)) throw Error($"unexpected end of file, expected {end}");
            if (t.SequenceEqual(end)) return;
        }
    }

    static string Shorten(string s) => s.Length > 40 ? s[..40] + "..." : s;
}
