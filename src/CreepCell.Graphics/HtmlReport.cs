using System.Net;
using System.Text;
using System.Text.Json;
using CreepCell.Io.Plots;

namespace CreepCell.Io;

/// <summary>
/// One self-contained HTML page of a run or study folder, to send to a colleague: provenance, final
/// results, history plots (contact ratios, stresses, porosity over time), the per-cycle table, every
/// PNG of the folder and the case text. Images are embedded as data URIs and the page loads nothing
/// from elsewhere; a short script marks an image that fails to decode and sets
/// body[data-images] to "ok" or "failed" once all have loaded.
/// </summary>
internal static class HtmlReport
{
    public static string Build(string dir)
    {
        if (!Directory.Exists(dir)) throw new InputException(dir, null, "no such folder (expected the output folder of creepcell run or study)");
        string summary = Path.Combine(dir, "summary.json"), history = Path.Combine(dir, "history.csv");
        var pngs = Directory.EnumerateFiles(dir, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (!File.Exists(summary) && !File.Exists(history) && pngs.Count == 0 && !File.Exists(Path.Combine(dir, "comparison.md")))
            throw new InputException(dir, null, "neither summary.json, history.csv, comparison.md nor PNG files found: not a run or study folder");
        var sb = new StringBuilder();
        string title = "CreepCell report: " + Path.GetFileName(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar));
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n<style>\n")
          .Append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}")
          .Append("td,th{border:1px solid #bbb;padding:.2em .5em;text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}")
          .Append("img{max-width:100%;display:block;margin:.5em 0}pre{background:#f6f6f6;padding:1em;overflow-x:auto}.broken{outline:3px solid red}\n</style>\n</head>\n")
          .Append("<body data-images=\"loading\">\n<h1>").Append(E(title)).Append("</h1>\n");
        JsonElement? json = File.Exists(summary) ? JsonDocument.Parse(File.ReadAllText(summary)).RootElement : null;
        string provenance = Path.Combine(dir, Provenance.FileName);
        JsonElement? prov = json is { } j && j.TryGetProperty("provenance", out var p) ? p
            : File.Exists(provenance) ? JsonDocument.Parse(File.ReadAllText(provenance)).RootElement : null;
        if (prov is { } pv) Section(sb, "Provenance", KeyValues(pv));
        if (json is { } s && s.TryGetProperty("final", out var final)) Section(sb, "Final state", FinalTable(final));
        if (File.Exists(history)) Section(sb, "History", HistoryImages(history));
        string cycles = Path.Combine(dir, "cycles.csv");
        if (File.Exists(cycles)) Section(sb, "Per cycle (cycles.csv)", CsvTable(cycles));
        string comparison = Path.Combine(dir, "comparison.md");
        if (File.Exists(comparison)) Section(sb, "Comparison (comparison.md)", "<pre>" + E(File.ReadAllText(comparison)) + "</pre>\n");
        if (pngs.Count > 0) Section(sb, "Pictures", string.Concat(pngs.Select(f => Figure(File.ReadAllBytes(f), Path.GetRelativePath(dir, f)))));
        if (json is { } c && c.TryGetProperty("case", out var cs) && cs.TryGetProperty("text", out var text))
            Section(sb, "Case (" + E(cs.GetProperty("source").GetString() ?? "") + ")", "<pre>" + E(text.GetString() ?? "") + "</pre>\n");
        sb.Append(Script).Append("</body>\n</html>\n");
        return sb.ToString();
    }

    const string Script = """
        <script>
        window.addEventListener('load', function () {
          var bad = 0;
          document.querySelectorAll('img').forEach(function (img) {
            if (!img.complete || img.naturalWidth === 0) { bad++; img.classList.add('broken'); img.insertAdjacentHTML('afterend', '<p class="broken">this image failed to load</p>'); }
          });
          document.body.setAttribute('data-images', bad === 0 ? 'ok' : 'failed');
        });
        </script>

        """;

    static string E(string s) => WebUtility.HtmlEncode(s);

    static void Section(StringBuilder sb, string heading, string body) => sb.Append("<h2>").Append(heading).Append("</h2>\n").Append(body);

    static string Figure(byte[] png, string caption) =>
        $"<figure><img alt=\"{E(caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"><figcaption>{E(caption)}</figcaption></figure>\n";

    static string KeyValues(JsonElement o)
    {
        var sb = new StringBuilder("<table>\n");
        foreach (var p in o.EnumerateObject())
            sb.Append("<tr><th>").Append(E(p.Name)).Append("</th><td>")
              .Append(E(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())).Append("</td></tr>\n");
        return sb.Append("</table>\n").ToString();
    }

    static string FinalTable(JsonElement final)
    {
        var rows = final.EnumerateArray().ToList();
        if (rows.Count == 0) return "";
        var names = rows[0].EnumerateObject().Select(p => p.Name).ToList();
        var sb = new StringBuilder("<table>\n<tr>").Append(string.Concat(names.Select(n => $"<th>{E(n)}</th>"))).Append("</tr>\n");
        foreach (var r in rows)
            sb.Append("<tr>").Append(string.Concat(names.Select(n => $"<td>{E(Number(r.GetProperty(n)))}</td>"))).Append("</tr>\n");
        return sb.Append("</table>\n").ToString();
    }

    static string Number(JsonElement v) => v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : v.ToString();

    static string CsvTable(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var sb = new StringBuilder("<div style=\"overflow-x:auto\"><table>\n");
        for (int i = 0; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            string tag = i == 0 ? "th" : "td";
            sb.Append("<tr>").Append(string.Concat(cells.Select(c => $"<{tag}>{E(i == 0 ? c : Short(c))}</{tag}>"))).Append("</tr>\n");
        }
        return sb.Append("</table></div>\n").ToString();
    }

    static string Short(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
            ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : cell;

    /// <summary>Contact ratios, mean von Mises stresses and porosity against time, from history.csv.</summary>
    static string HistoryImages(string path)
    {
        var run = HistoryRun.ReadCsv(path, "run");
        var sb = new StringBuilder();
        void Plot(string title, IReadOnlyList<string> columns, string label, double scale)
        {
            if (columns.Count == 0) return;
            var spec = new HistoryPlotSpec("time_s", columns) { Title = title, XLabel = "time (h)", XScale = 1 / 3600.0, YLabel = label, YScale = scale };
            sb.Append(Figure(HistoryPlots.Render(new[] { run }, spec), title));
        }
        Plot("contact ratios", run.Columns.Where(c => c.StartsWith("contact_ratio_", StringComparison.Ordinal)).ToList(), "contact ratio (%)", 100);
        Plot("mean von Mises stress per phase", run.Columns.Where(c => c.StartsWith("vm_mean_", StringComparison.Ordinal)).ToList(), "stress (GPa)", 1e-9);
        Plot("porosity", run.Columns.Where(c => c == "porosity").ToList(), "porosity (%)", 100);
        return sb.ToString();
    }
}
