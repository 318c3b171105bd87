using System.Globalization;
using System.Text;
using CreepCell.Io;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// The CSV tables of a pore sequence analysis: pores.csv (one row per pore and frame), frames.csv
/// (porosity per frame), events.csv (appear, close, split, merge) and pore_summary.csv (one row per pore).
/// Physical columns (um, um^2) appear only when a pixel size is known, time columns only with frame times.
/// </summary>
internal static class PoreTables
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteAll(PoreSequenceResult r, string dir)
    {
        AtomicFile.WriteAllText(Path.Combine(dir, "pores.csv"), Pores(r));
        AtomicFile.WriteAllText(Path.Combine(dir, "frames.csv"), Frames(r));
        CsvParquet.Beside(Path.Combine(dir, "pores.csv"));
        CsvParquet.Beside(Path.Combine(dir, "frames.csv"));
        AtomicFile.WriteAllText(Path.Combine(dir, "events.csv"), Events(r));
        AtomicFile.WriteAllText(Path.Combine(dir, "pore_summary.csv"), Summary(r));
    }

    internal static string Num(double v) => v.ToString("G10", Inv);
    static string Opt(double? v) => v is { } x ? Num(x) : "";
    static string Um(double px, double? pixelSize) => Num(px * pixelSize!.Value * 1e6);
    static string Um2(double px, double? pixelArea) => Num(px * pixelArea!.Value * 1e12);

    /// <summary>pores.csv: a row per pore per frame from its first frame on; after a pore closes its rows carry area 0.</summary>
    public static string Pores(PoreSequenceResult r)
    {
        bool scale = r.Options.PixelSize is not null, time = r.Options.FrameTimes is not null;
        var sb = new StringBuilder("pore,frame" + (time ? ",time_s" : "") + ",area_px,relative_area" + (scale ? ",area_um2" : "") +
            ",equivalent_diameter_px" + (scale ? ",equivalent_diameter_um" : "") + ",perimeter_px" + (scale ? ",perimeter_um" : "") +
            ",circularity,max_feret_px" + (scale ? ",max_feret_um" : "") + ",centroid_x_px,centroid_y_px,touches_border,status\n");
        var (ox, oy) = Offset(r);
        foreach (var t in r.Pores)
            foreach (var (frame, o, present) in Rows(t, r.Frames.Count))
            {
                double area = present ? o.Region.AreaPx : 0, d = present ? o.Region.EquivalentDiameterPx : 0;
                sb.Append(t.Id).Append(',').Append(frame);
                if (time) sb.Append(',').Append(Opt(r.Frames[frame].TimeS));
                sb.Append(',').Append(Num(area)).Append(',').Append(Num(present ? t.RelativeArea(o) : 0));
                if (scale) sb.Append(',').Append(Um2(area, r.PixelArea));
                sb.Append(',').Append(Num(d));
                if (scale) sb.Append(',').Append(Um(d, r.Options.PixelSize));
                double perim = present ? o.Region.PerimeterPx : 0, feret = present ? o.Region.MaxFeretPx : 0;
                sb.Append(',').Append(Num(perim));
                if (scale) sb.Append(',').Append(Um(perim, r.Options.PixelSize));
                sb.Append(',').Append(Num(present ? o.Region.Circularity : 0)).Append(',').Append(Num(feret));
                if (scale) sb.Append(',').Append(Um(feret, r.Options.PixelSize));
                sb.Append(',').Append(Num(o.Region.CentroidX + ox)).Append(',').Append(Num(o.Region.CentroidY + oy));
                sb.Append(',').Append(o.Region.TouchesBorder ? "true" : "false").Append(',').Append(present ? "present" : "closed").Append('\n');
            }
        return sb.ToString();
    }

    /// <summary>The frames a pore has rows for: its observations, then zero-area rows after it closed.</summary>
    internal static IEnumerable<(int Frame, PoreObservation Last, bool Present)> Rows(PoreTrack t, int frameCount)
    {
        foreach (var o in t.Observations) yield return (o.Frame, o, true);
        if (t.Fate != PoreFate.Closed) yield break;
        for (int f = t.EndFrame!.Value; f < frameCount; f++) yield return (f, t.Observations[^1], false);
    }

    internal static (int X, int Y) Offset(PoreSequenceResult r) => r.Options.Region is { } g ? (g.X, g.Y) : (0, 0);

    public static string Frames(PoreSequenceResult r)
    {
        bool scale = r.Options.PixelSize is not null, time = r.Options.FrameTimes is not null;
        int classes = r.Options.Segmentation.Classes > 2 && r.Options.Segmentation.Threshold is null ? r.Options.Segmentation.Classes : 0;
        var sb = new StringBuilder("frame,source" + (time ? ",time_s" : "") + ",threshold,porosity,pore_count,pore_area_px,mean_pore_area_px" +
            (scale ? ",pore_area_um2,mean_pore_area_um2" : "") + ",drift_x_px,drift_y_px" +
            string.Concat(Enumerable.Range(0, classes).Select(c => $",class{c}_fraction")) + "\n");
        foreach (var f in r.Frames)
        {
            double mean = f.PoreCount == 0 ? 0 : (double)f.PorePixels / f.PoreCount;
            sb.Append(f.Index).Append(',').Append(Csv(f.Source));
            if (time) sb.Append(',').Append(Opt(f.TimeS));
            sb.Append(',').Append(Num(f.Threshold)).Append(',').Append(Num(f.Porosity)).Append(',').Append(f.PoreCount)
              .Append(',').Append(f.PorePixels).Append(',').Append(Num(mean));
            if (scale) sb.Append(',').Append(Um2(f.PorePixels, r.PixelArea)).Append(',').Append(Um2(mean, r.PixelArea));
            sb.Append(',').Append(f.ShiftX).Append(',').Append(f.ShiftY);
            for (int c = 0; c < classes; c++) sb.Append(',').Append(f.ClassFractions is { } cf ? Num(cf[c]) : "");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Events(PoreSequenceResult r)
    {
        bool time = r.Options.FrameTimes is not null;
        var sb = new StringBuilder("frame" + (time ? ",time_s" : "") + ",event,pore,related\n");
        foreach (var e in r.Events)
        {
            sb.Append(e.Frame);
            if (time) sb.Append(',').Append(Opt(r.Frames[e.Frame].TimeS));
            sb.Append(',').Append(EventName(e.Kind)).Append(',').Append(e.Pore).Append(',').Append(string.Join(' ', e.Related)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Summary(PoreSequenceResult r)
    {
        bool scale = r.Options.PixelSize is not null;
        var sb = new StringBuilder("pore,origin,parents,first_frame,end_frame,fate,merged_into,initial_area_px" + (scale ? ",initial_area_um2" : "") +
            ",initial_equivalent_diameter_px" + (scale ? ",initial_equivalent_diameter_um" : "") + ",last_area_px,relative_area_at_end,min_relative_area\n");
        foreach (var t in r.Pores)
        {
            var first = t.Observations[0].Region;
            double atEnd = t.Fate == PoreFate.Closed ? 0 : t.RelativeArea(t.Observations[^1]);
            double min = Math.Min(t.Observations.Min(t.RelativeArea), t.Fate == PoreFate.Closed ? 0 : double.MaxValue);
            sb.Append(t.Id).Append(',').Append(OriginName(t.Origin)).Append(',').Append(string.Join(' ', t.Parents)).Append(',')
              .Append(t.FirstFrame).Append(',').Append(t.EndFrame?.ToString(Inv) ?? "").Append(',').Append(FateName(t.Fate)).Append(',')
              .Append(t.MergedInto?.ToString(Inv) ?? "").Append(',').Append(first.AreaPx);
            if (scale) sb.Append(',').Append(Um2(first.AreaPx, r.PixelArea));
            sb.Append(',').Append(Num(first.EquivalentDiameterPx));
            if (scale) sb.Append(',').Append(Um(first.EquivalentDiameterPx, r.Options.PixelSize));
            sb.Append(',').Append(t.Observations[^1].Region.AreaPx).Append(',').Append(Num(atEnd)).Append(',').Append(Num(min)).Append('\n');
        }
        return sb.ToString();
    }

    internal static string EventName(PoreEventKind k) => k.ToString().ToLowerInvariant();
    internal static string FateName(PoreFate f) => f switch { PoreFate.Present => "present", PoreFate.Closed => "closed", _ => "merged" };
    internal static string OriginName(PoreOrigin o) => o switch
    {
        PoreOrigin.Initial => "initial", PoreOrigin.Appeared => "appeared", PoreOrigin.SplitFrom => "split", _ => "merged",
    };

    static string Csv(string s) => s.IndexOfAny(new[] { ',', '"', '\n' }) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
