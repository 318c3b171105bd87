using System.Buffers.Binary;
using System.Text;

namespace CreepCell.Analysis.Cycling;

/// <summary>
/// BioLogic EC-Lab binary file (.mpr): "BIO-LOGIC MODULAR FILE", then modules ("MODULE", short and long name,
/// length, version, date). The "VMP data" module holds the number of records, the number of columns, one
/// numeric id per column and the records, fixed-size rows running to the end of the module. The module header
/// has two layouts: length, version and date (older EC-Lab), or a 0xFFFFFFFF marker before length, a zero
/// word, version and date (EC-Lab 11.50 on). Only columns whose id and storage type are listed in
/// <see cref="Columns"/> can be read; with any other id the row size is unknown and the file is refused
/// rather than misread. The row size is checked: the rows must end exactly at the end of the module.
/// Current comes from &lt;I&gt;/mA or I/mA, or, when the file holds neither, from dQ/mA.h over each interval.
/// </summary>
internal static class BioLogicMprReader
{
    const string Magic = "BIO-LOGIC MODULAR FILE";

    /// <summary>Column ids, names and storage ('d' double, 'f' float, 'H' uint16, 'I' uint32) confirmed on EC-Lab files.</summary>
    static readonly Dictionary<int, (string Name, char Type)> Columns = new()
    {
        [4] = ("time/s", 'd'), [5] = ("control/V/mA", 'f'), [6] = ("Ewe/V", 'f'), [7] = ("dQ/mA.h", 'd'), [8] = ("I/mA", 'f'),
        [11] = ("<I>/mA", 'd'), [13] = ("(Q-Qo)/mA.h", 'd'), [19] = ("control/V", 'f'), [24] = ("cycle number", 'd'),
        [39] = ("I Range", 'H'), [70] = ("P/W", 'f'), [74] = ("Energy/W.h", 'd'), [131] = ("Ns", 'H'),
        [467] = ("Q charge/discharge/mA.h", 'd'), [468] = ("half cycle", 'I'),
    };

    /// <summary>Ids of the bit flags (mode, ox/red, error, control changes, Ns changes, counter inc.), stored together in one byte.</summary>
    static readonly HashSet<int> Flags = new() { 1, 2, 3, 21, 31, 65 };

    public static bool Matches(string path)
    {
        using var f = File.OpenRead(path);
        var head = new byte[Magic.Length];
        return f.Read(head, 0, head.Length) == head.Length && Encoding.ASCII.GetString(head) == Magic;
    }

    public static CyclerData Read(string path)
    {
        var b = File.ReadAllBytes(path);
        var (data, length) = DataModule(path, b);
        int n = (int)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(data));
        var (ids, idsEnd) = ColumnIds(path, b, data, length);
        var layout = Layout(path, ids);
        long rowsStart = data + length - (long)n * layout.RowSize;
        if (n < 2 || rowsStart < idsEnd) throw new InputException(path, "VMP data", $"{n} records of {layout.RowSize} bytes do not fit the {length}-byte data module (unknown column layout?)");
        return new CyclerData(path, "BioLogic EC-Lab binary (.mpr)", Records(path, b, rowsStart, n, layout), Array.Empty<TesterCycleSummary>());
    }

    /// <summary>Start and length of the data module's body.</summary>
    static (int Start, int Length) DataModule(string path, byte[] b)
    {
        int at = Encoding.ASCII.GetString(b).IndexOf("MODULEVMP data", StringComparison.Ordinal);
        if (at < 0) throw new InputException(path, null, "no \"VMP data\" module (not an EC-Lab data file, or an empty one)");
        int p = at + 6 + 10 + 25;
        uint first = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p));
        (int start, uint length) = first == 0xFFFFFFFF
            ? (p + 4 + 4 + 4 + 4 + 8, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p + 4)))
            : (p + 4 + 4 + 8, first);
        if (start + (long)length > b.Length) throw new InputException(path, "VMP data", $"the module announces {length} bytes but the file ends before (truncated file?)");
        return (start, (int)length);
    }

    /// <summary>The column ids: their count is one byte in older files and two bytes in newer ones; the layout whose ids are all known wins.</summary>
    static (int[] Ids, int End) ColumnIds(string path, byte[] b, int data, int length)
    {
        foreach (int width in new[] { 2, 1 })
        {
            int count = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(data + 4)) : b[data + 4];
            int from = data + 4 + width;
            if (count == 0 || from + 2 * count > data + length) continue;
            var ids = Enumerable.Range(0, count).Select(k => (int)BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(from + 2 * k))).ToArray();
            if (ids.All(i => Columns.ContainsKey(i) || Flags.Contains(i))) return (ids, from + 2 * count);
        }
        int n1 = b[data + 4];
        var seen = Enumerable.Range(0, n1).Select(k => (int)BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(data + 5 + 2 * k)));
        throw new InputException(path, "VMP data", $"column ids not all known ({string.Join(", ", seen.Where(i => !Columns.ContainsKey(i) && !Flags.Contains(i)).Take(5))}...), so the record size cannot be told; export the file as text (.mpt) in EC-Lab");
    }

    sealed record RowLayout(int RowSize, Dictionary<string, (int Offset, char Type)> Fields);

    static RowLayout Layout(string path, int[] ids)
    {
        var fields = new Dictionary<string, (int, char)>();
        int offset = ids.Any(Flags.Contains) ? 1 : 0;
        foreach (int id in ids.Where(i => !Flags.Contains(i)))
        {
            var (name, type) = Columns[id];
            fields.TryAdd(name, (offset, type));
            offset += type switch { 'd' => 8, 'f' => 4, 'H' => 2, _ => 4 };
        }
        if (!fields.ContainsKey("time/s")) throw new InputException(path, "VMP data", "no time/s column");
        if (!fields.ContainsKey("Ewe/V")) throw new InputException(path, "VMP data", "no Ewe/V column");
        if (!new[] { "<I>/mA", "I/mA", "dQ/mA.h" }.Any(fields.ContainsKey)) throw new InputException(path, "VMP data", "no current column (<I>/mA, I/mA) nor dQ/mA.h to derive it from");
        return new RowLayout(offset, fields);
    }

    static List<CyclerRecord> Records(string path, byte[] b, long start, int n, RowLayout layout)
    {
        double Get(long row, string name)
        {
            var (o, t) = layout.Fields[name];
            var s = b.AsSpan((int)(start + row * layout.RowSize + o));
            return t switch
            {
                'd' => BinaryPrimitives.ReadDoubleLittleEndian(s), 'f' => BinaryPrimitives.ReadSingleLittleEndian(s),
                'H' => BinaryPrimitives.ReadUInt16LittleEndian(s), _ => BinaryPrimitives.ReadUInt32LittleEndian(s),
            };
        }
        string? current = new[] { "<I>/mA", "I/mA" }.FirstOrDefault(layout.Fields.ContainsKey);
        bool cycles = layout.Fields.ContainsKey("cycle number"), steps = layout.Fields.ContainsKey("Ns");
        var records = new List<CyclerRecord>(n);
        for (int k = 0; k < n; k++)
        {
            double t = Get(k, "time/s"), v = Get(k, "Ewe/V");
            // dQ is the charge since the previous record, so dQ/dt is the mean current over that interval.
            double i = current is not null ? Get(k, current) * 1e-3
                : k == 0 || !(t > records[^1].Time) ? 0 : Get(k, "dQ/mA.h") * 3.6 / (t - records[^1].Time);
            if (!double.IsFinite(t) || !double.IsFinite(v) || !double.IsFinite(i) || (k > 0 && t < records[^1].Time - 1e-9))
                throw new InputException(path, $"record {k + 1}", "time, potential or current is not a finite number, or time goes backwards (unknown column layout?)");
            records.Add(new CyclerRecord(k + 1, t, i, v, cycles ? (int)Get(k, "cycle number") : 1, steps ? (int)Get(k, "Ns") : 0, StepKind.Rest));
        }
        return RecordTableParser.ClassifyBySign(records);
    }
}
