using System.Globalization;
using System.Text;
using CreepCell.Io;

namespace CreepCell.Sparse;

/// <summary>
/// Matrix Market exchange format, coordinate real matrices, "general" or "symmetric"
/// (Boisvert, Pozo, Remington, "The Matrix Market Exchange Formats: Initial Design", NISTIR 5935,
/// 1996). Symmetric files store the lower triangle; reading them mirrors it to the full pattern that
/// <see cref="CscMatrix"/> uses for symmetric matrices. Indices in the file are 1-based.
/// </summary>
internal static class MatrixMarket
{
    /// <summary>Writes <paramref name="a"/> atomically; as "symmetric" (lower triangle) when the matrix is exactly symmetric.</summary>
    public static void Write(string path, CscMatrix a)
    {
        bool symmetric = IsSymmetric(a);
        var sb = new StringBuilder();
        sb.Append("%%MatrixMarket matrix coordinate real ").Append(symmetric ? "symmetric" : "general").Append('\n');
        long entries = 0;
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                if (!symmetric || a.RowIndices[p] >= j) entries++;
        sb.Append(a.Rows).Append(' ').Append(a.Columns).Append(' ').Append(entries).Append('\n');
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
            {
                int i = a.RowIndices[p];
                if (symmetric && i < j) continue;
                double v = a.Values[p];
                if (!double.IsFinite(v)) throw new ArgumentException($"entry ({i}, {j}) is not finite");
                sb.Append(i + 1).Append(' ').Append(j + 1).Append(' ').Append(v.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>True when the pattern and the values are exactly symmetric.</summary>
    public static bool IsSymmetric(CscMatrix a)
    {
        if (a.Rows != a.Columns) return false;
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
            {
                int q = a.IndexOf(j, a.RowIndices[p]);
                if (q < 0 || a.Values[q] != a.Values[p]) return false;
            }
        return true;
    }

    /// <summary>Reads a coordinate real (or integer/pattern) general or symmetric file. Bad content raises <see cref="InputException"/>.</summary>
    public static CscMatrix Read(string path)
    {
        using var reader = new StreamReader(path);
        int lineNo = 1;
        string header = reader.ReadLine() ?? throw new InputException(path, "line 1", "empty file, expected a %%MatrixMarket header");
        var (symmetric, pattern) = ParseHeader(path, header);
        string? line;
        do { line = reader.ReadLine(); lineNo++; } while (line != null && (line.StartsWith('%') || line.Trim().Length == 0));
        if (line == null) throw new InputException(path, $"line {lineNo}", "missing size line 'rows columns entries'");
        var size = Split(line);
        if (size.Length != 3 || !int.TryParse(size[0], out int rows) || !int.TryParse(size[1], out int cols)
            || !long.TryParse(size[2], out long entries) || rows < 0 || cols < 0 || entries < 0)
            throw new InputException(path, $"line {lineNo}", "expected size line 'rows columns entries' of non-negative integers");
        if (symmetric && rows != cols) throw new InputException(path, $"line {lineNo}", "a symmetric matrix must be square");
        var builder = new TripletBuilder(rows, cols);
        long read = 0;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.StartsWith('%') || line.Trim().Length == 0) continue;
            var (i, j, v) = ParseEntry(path, lineNo, line, rows, cols, pattern);
            if (read++ >= entries) throw new InputException(path, $"line {lineNo}", $"more entries than the {entries} announced");
            builder.Add(i, j, v);
            if (symmetric && i != j) builder.Add(j, i, v);
        }
        if (read != entries) throw new InputException(path, $"line {lineNo}", $"expected {entries} entries, found {read}");
        return builder.Build();
    }

    static (bool Symmetric, bool Pattern) ParseHeader(string path, string header)
    {
        var h = Split(header.ToLowerInvariant());
        if (h.Length < 5 || h[0] != "%%matrixmarket" || h[1] != "matrix" || h[2] != "coordinate")
            throw new InputException(path, "line 1", "expected '%%MatrixMarket matrix coordinate <real|integer|pattern> <general|symmetric>'");
        if (h[3] is not ("real" or "integer" or "pattern"))
            throw new InputException(path, "line 1", $"field '{h[3]}' not supported, expected real, integer or pattern");
        if (h[4] is not ("general" or "symmetric"))
            throw new InputException(path, "line 1", $"symmetry '{h[4]}' not supported, expected general or symmetric");
        return (h[4] == "symmetric", h[3] == "pattern");
    }

    static (int I, int J, double V) ParseEntry(string path, int lineNo, string line, int rows, int cols, bool pattern)
    {
        var t = Split(line);
        double v = 1.0;
        int i = 0, j = 0;
        bool ok = t.Length == (pattern ? 2 : 3)
            && int.TryParse(t[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out i)
            && int.TryParse(t[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out j)
            && (pattern || double.TryParse(t[2], NumberStyles.Float, CultureInfo.InvariantCulture, out v));
        if (!ok || !double.IsFinite(v))
            throw new InputException(path, $"line {lineNo}", pattern ? "expected 'row column'" : "expected 'row column value' with a finite value");
        if (i < 1 || i > rows || j < 1 || j > cols)
            throw new InputException(path, $"line {lineNo}", $"index ({i}, {j}) outside 1..{rows} x 1..{cols}");
        return (i - 1, j - 1, v);
    }

    static string[] Split(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
