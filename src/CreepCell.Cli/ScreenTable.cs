using Spectre.Console;

namespace CreepCell.Cli;

/// <summary>
/// A table for the screen: drawn with borders on a terminal, and written as plain comma-separated lines
/// (header first) when the output goes to a pipe or file, where a drawn table would wrap at 80 columns
/// and split numbers across lines. Cells are plain text (no markup).
/// </summary>
sealed class ScreenTable
{
    readonly string? title;
    readonly string[] headers;
    readonly List<string[]> rows = new();

    public ScreenTable(string? title, params string[] headers)
    {
        this.title = title;
        this.headers = headers;
    }

    public void Add(params string[] cells) => rows.Add(cells);

    public void Write()
    {
        if (Console.IsOutputRedirected) { WritePlain(Console.Out); return; }
        var t = new Table().Border(TableBorder.Rounded);
        if (title is not null) t.Title = new TableTitle(Markup.Escape(title));
        foreach (var h in headers) t.AddColumn(Markup.Escape(h));
        foreach (var r in rows) t.AddRow(r.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(t);
    }

    public void WritePlain(TextWriter w)
    {
        if (title is not null) w.WriteLine("# " + title);
        w.WriteLine(string.Join(',', headers.Select(Quote)));
        foreach (var r in rows) w.WriteLine(string.Join(',', r.Select(Quote)));
    }

    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>A line of text: with markup on a terminal, plain otherwise.</summary>
    public static void Line(string markup)
    {
        if (Console.IsOutputRedirected) Console.WriteLine(Markup.Remove(markup));
        else AnsiConsole.MarkupLine(markup);
    }
}
