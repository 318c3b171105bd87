using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>
/// LAND CT2001A exports built from real Neware records: no public LAND file was found, so the
/// Neware record export is relabelled with the LAND column headers seen in public reader code
/// (English and Chinese), current in mA, and written as CSV or as a minimal .xlsx workbook.
/// </summary>
static class LandFixture
{
    public static readonly string[] English =
        { "Record", "Cycle-Index", "Step-Index", "TestTime/Sec", "StepTime/Sec", "Current/mA", "Voltage/V", "Capacity/mAh", "Energy/mWh", "State" };

    public static readonly string[] Chinese =
        { "记录序号", "循环序号", "工步序号", "测试时间/Sec", "步骤时间/Sec", "电流/mA", "电压/V", "容量/mAh", "能量/mWh", "状态" };

    /// <summary>Rows in LAND form; <paramref name="unsignedCurrent"/> writes |I| and leaves the direction to the State column.</summary>
    public static List<string[]> Rows(CyclerData neware, bool chinese, bool unsignedCurrent)
    {
        var rows = new List<string[]>();
        int k = 0;
        foreach (var r in neware.Records)
        {
            string state = r.Kind switch
            {
                StepKind.Charge => chinese ? "恒流充电" : "CC_Chg",
                StepKind.Discharge => chinese ? "恒流放电" : "CC_DChg",
                _ => chinese ? "搁置" : "Rest",
            };
            double mA = (unsignedCurrent ? Math.Abs(r.Current) : r.Current) * 1e3;
            rows.Add(new[] { (++k).ToString(), r.Cycle.ToString(), r.Step.ToString(), F(r.Time), "0", F(mA), F(r.Voltage), "0", "0", state });
        }
        return rows;
    }

    static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static void WriteCsv(string path, string[] header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', header));
        foreach (var r in rows) sb.AppendLine(string.Join(',', r));
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    /// <summary>
    /// An .xlsx with an information sheet first, then the records split over <paramref name="sheets"/>
    /// record sheets, each with a title row above the header (as LAND exports have); numbers as numbers.
    /// </summary>
    public static void WriteXlsx(string path, string[] header, IReadOnlyList<string[]> rows, int sheets = 1)
    {
        const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        const string Ws = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
        int n = sheets + 1;
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var overrides = string.Concat(Enumerable.Range(1, n).Select(i => $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"{Ws}\"/>"));
        Entry(zip, "[Content_Types].xml", $"{Head}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>{overrides}</Types>");
        Entry(zip, "_rels/.rels", $"{Head}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        var names = new[] { "信息" }.Concat(Enumerable.Range(1, sheets).Select(i => $"记录{i}")).ToArray();
        Entry(zip, "xl/workbook.xml", $"{Head}<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(names.Select((s, i) => $"<sheet name=\"{s}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) + "</sheets></workbook>");
        Entry(zip, "xl/_rels/workbook.xml.rels", $"{Head}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(Enumerable.Range(1, n).Select(i => $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>")) + "</Relationships>");
        Entry(zip, "xl/worksheets/sheet1.xml", Sheet(new[] { new[] { "Channel", "1" }, new[] { "Active mass/mg", "2.08" } }));
        int per = (rows.Count + sheets - 1) / sheets;
        for (int s = 0; s < sheets; s++)
        {
            var part = new List<string[]> { new[] { "LAND CT2001A test export" }, header };
            part.AddRange(rows.Skip(s * per).Take(per));
            Entry(zip, $"xl/worksheets/sheet{s + 2}.xml", Sheet(part));
        }
    }

    static string Sheet(IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        int row = 1;
        foreach (var r in rows) AppendRow(sb, row++, r);
        sb.Append("</sheetData></worksheet>");
        return sb.ToString();
    }

    static void AppendRow(StringBuilder sb, int row, string[] cells)
    {
        sb.Append($"<row r=\"{row}\">");
        for (int c = 0; c < cells.Length; c++)
        {
            string refName = $"{(char)('A' + c)}{row}";
            if (double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                sb.Append($"<c r=\"{refName}\"><v>{cells[c]}</v></c>");
            else
                sb.Append($"<c r=\"{refName}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cells[c])}</t></is></c>");
        }
        sb.Append("</row>");
    }

    static void Entry(ZipArchive zip, string name, string text)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(text);
    }
}
