using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>A minimal .xlsx with named sheets of text and number cells, for G200-shaped test workbooks.</summary>
static class MiniWorkbook
{
    public static void Write(string path, IReadOnlyList<(string Name, List<string[]> Rows)> sheets)
    {
        const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        const string Rel = "http://schemas.openxmlformats.org/package/2006/relationships";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var ids = Enumerable.Range(1, sheets.Count).ToList();
        Entry(zip, "[Content_Types].xml", $"{Head}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + string.Concat(ids.Select(i => $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) + "</Types>");
        Entry(zip, "_rels/.rels", $"{Head}<Relationships xmlns=\"{Rel}\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Entry(zip, "xl/workbook.xml", $"{Head}<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(ids.Select(i => $"<sheet name=\"{SecurityElement.Escape(sheets[i - 1].Name)}\" sheetId=\"{i}\" r:id=\"rId{i}\"/>")) + "</sheets></workbook>");
        Entry(zip, "xl/_rels/workbook.xml.rels", $"{Head}<Relationships xmlns=\"{Rel}\">"
            + string.Concat(ids.Select(i => $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>")) + "</Relationships>");
        foreach (int i in ids) Entry(zip, $"xl/worksheets/sheet{i}.xml", Sheet(sheets[i - 1].Rows));
    }

    static string Sheet(List<string[]> rows)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.Count; r++)
        {
            sb.Append($"<row r=\"{r + 1}\">");
            for (int c = 0; c < rows[r].Length; c++)
            {
                string cell = $"{(char)('A' + c)}{r + 1}", v = rows[r][c];
                sb.Append(double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? $"<c r=\"{cell}\"><v>{v}</v></c>" : $"<c r=\"{cell}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(v)}</t></is></c>");
            }
            sb.Append("</row>");
        }
        return sb.Append("</sheetData></worksheet>").ToString();
    }

    static void Entry(ZipArchive zip, string name, string text)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(text);
    }
}
