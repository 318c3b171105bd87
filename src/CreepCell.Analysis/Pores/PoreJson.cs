using System.Text.Json;
using CreepCell.Io;

namespace CreepCell.Analysis.Pores;

/// <summary>pores.json: the resolved options, every frame, every pore with its observations, and the events.</summary>
internal static class PoreJson
{
    public static void Write(PoreSequenceResult r, string path) =>
        AtomicFile.Write(path, s =>
        {
            using var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true });
            Write(r, w);
        });

    static void Write(PoreSequenceResult r, Utf8JsonWriter w)
    {
        var (ox, oy) = PoreTables.Offset(r);
        w.WriteStartObject();
        WriteOptions(r, w);
        w.WriteStartArray("frames");
        foreach (var f in r.Frames)
        {
            w.WriteStartObject();
            w.WriteNumber("frame", f.Index);
            w.WriteString("source", f.Source);
            if (f.TimeS is { } t) w.WriteNumber("time_s", t);
            w.WriteNumber("threshold", f.Threshold);
            w.WriteNumber("porosity", f.Porosity);
            w.WriteNumber("pore_count", f.PoreCount);
            w.WriteNumber("pore_area_px", f.PorePixels);
            w.WriteNumber("drift_x_px", f.ShiftX);
            w.WriteNumber("drift_y_px", f.ShiftY);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("pores");
        foreach (var p in r.Pores) WritePore(p, r.Frames.Count, w, ox, oy);
        w.WriteEndArray();
        w.WriteStartArray("events");
        foreach (var e in r.Events)
        {
            w.WriteStartObject();
            w.WriteNumber("frame", e.Frame);
            w.WriteString("event", PoreTables.EventName(e.Kind));
            w.WriteNumber("pore", e.Pore);
            w.WriteStartArray("related");
            foreach (int x in e.Related) w.WriteNumberValue(x);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteOptions(PoreSequenceResult r, Utf8JsonWriter w)
    {
        var o = r.Options;
        var s = o.Segmentation;
        w.WriteString("threshold_method", s.Threshold is not null ? "fixed" : o.OtsuFromFirstFrame ? "otsu of the first frame" : "otsu per frame");
        if (s.Threshold is { } t) w.WriteNumber("threshold", t);
        w.WriteString("pores_are", s.BrightPores ? "bright" : "dark");
        w.WriteNumber("median_radius_px", s.MedianRadius);
        w.WriteNumber("nlm_strength", s.NlmStrength);
        w.WriteNumber("smooth_sigma_px", s.SmoothSigma);
        if (s.SplitDepth is { } depth) w.WriteNumber("split_depth_px", depth);
        w.WriteNumber("min_pore_area_px", s.MinPoreArea);
        w.WriteNumber("connectivity", s.Connectivity);
        w.WriteStartObject("region");
        var (ox, oy) = PoreTables.Offset(r);
        w.WriteNumber("x", ox);
        w.WriteNumber("y", oy);
        w.WriteNumber("width", r.RegionWidth);
        w.WriteNumber("height", r.RegionHeight);
        w.WriteEndObject();
        if (o.PixelSize is { } px) w.WriteNumber("pixel_size_m", px);
        w.WriteBoolean("exclude_edge_pores", o.ExcludeEdgePores);
        w.WriteNumber("max_drift_px", o.MaxShift);
    }

    static void WritePore(PoreTrack p, int frameCount, Utf8JsonWriter w, int ox, int oy)
    {
        w.WriteStartObject();
        w.WriteNumber("pore", p.Id);
        w.WriteString("origin", PoreTables.OriginName(p.Origin));
        w.WriteStartArray("parents");
        foreach (int x in p.Parents) w.WriteNumberValue(x);
        w.WriteEndArray();
        w.WriteNumber("first_frame", p.FirstFrame);
        if (p.EndFrame is { } end) w.WriteNumber("end_frame", end);
        w.WriteString("fate", PoreTables.FateName(p.Fate));
        if (p.MergedInto is { } m) w.WriteNumber("merged_into", m);
        w.WriteStartArray("frames");
        foreach (var (frame, o, present) in PoreTables.Rows(p, frameCount))
        {
            w.WriteStartObject();
            w.WriteNumber("frame", frame);
            w.WriteNumber("area_px", present ? o.Region.AreaPx : 0);
            w.WriteNumber("relative_area", present ? p.RelativeArea(o) : 0);
            if (present)
            {
                w.WriteNumber("perimeter_px", o.Region.PerimeterPx);
                w.WriteNumber("circularity", o.Region.Circularity);
                w.WriteNumber("max_feret_px", o.Region.MaxFeretPx);
                w.WriteNumber("centroid_x_px", o.Region.CentroidX + ox);
                w.WriteNumber("centroid_y_px", o.Region.CentroidY + oy);
                w.WriteBoolean("touches_border", o.Region.TouchesBorder);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
