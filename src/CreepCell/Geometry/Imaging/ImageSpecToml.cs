using System.Globalization;
using CreepCell.Io;
using CreepCell.Io.Images;
using Tomlyn.Model;

namespace CreepCell.Geometry.Imaging;

/// <summary>
/// Reads a <c>[microstructure]</c> section that names an image (docs/microstructure.md, "From an image"):
/// <code>
/// [microstructure]
/// image = "slice.tif"        # required: TIFF or PNG, relative to the case file
/// page = 0                   # optional: 0-based page of a multi-page TIFF
/// pixel_size = "0.39 um"     # required, with a unit
/// crop = [0, 0, 64, 64]      # optional: x, y (top-left), width, height in pixels
/// phases = { 0 = "pore", 85 = "NMC", 170 = "CBD" }   # labelled image: grey level = phase
/// # or: phases = ["pore", "NMC"] (dark to bright) with thresholds = [120] or thresholds = "otsu"
/// min_area = 10              # optional: islands below this many pixels are merged into a neighbour
/// neck_ratio = 0.5           # optional: split touching particles at necks narrower than this (0: never)
/// outline_tolerance = 0.5    # optional: pixels
/// gap = "4 nm"               # optional: gap opened between touching bodies (default 2.5e-3 x mean body radius)
/// coarsen = 1                # optional: one phase per coarsen x coarsen block
/// coarsen_rule = "area"      # optional: "area" (every phase keeps its pixel area) or "majority"
/// periodic = false           # optional: true if the image is a periodic tile (checked, see PeriodicCheck)
/// bonded = ["CBD"]           # optional: phases whose bodies are bonded to every body they touch (default: none)
/// </code>
/// </summary>
internal static class ImageSpecToml
{
    /// <summary>True when the [microstructure] table describes an image rather than a packing.</summary>
    public static bool IsImage(TomlSection root) => root.RawTable("microstructure") is { } t && t.ContainsKey("image");

    public static ImageSpec Read(TomlSection section, string baseDirectory)
    {
        string image = section.String("image");
        string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, image));
        int page = section.Integer("page", 0);
        if (page < 0) throw Bad(section, "page", $"expected a page number from 0, got {page}");
        double pixel = PixelSize(section);
        var crop = Crop(section);
        var (labels, phases, thresholds) = ReadPhases(section);
        int minArea = section.Integer("min_area", 10);
        if (minArea < 1) throw Bad(section, "min_area", $"expected at least 1 pixel, got {minArea}");
        double neck = section.Number("neck_ratio", 0.5);
        if (!(neck >= 0 && neck < 1)) throw Bad(section, "neck_ratio", $"expected a ratio in [0, 1), got {neck}");
        double tol = section.Number("outline_tolerance", 0.5);
        if (!(tol >= 0.05 && tol <= 2)) throw Bad(section, "outline_tolerance", $"expected 0.05 to 2 pixels, got {tol}");
        double? gap = section.Has("gap") ? section.Quantity("gap", Dimension.Length) : null;
        int coarsen = section.Integer("coarsen", 1);
        if (coarsen is < 1 or > 16) throw Bad(section, "coarsen", $"expected a block size from 1 to 16 pixels, got {coarsen}");
        if (gap is { } g && !(g > 0 && g < 0.2 * pixel * coarsen))
            throw Bad(section, "gap", $"expected a positive length below a fifth of a pixel ({0.2 * pixel * coarsen:G3} m), got {g:G3} m");
        var rule = section.Choice("coarsen_rule", "area", "area", "majority") == "majority" ? CoarsenRule.Majority : CoarsenRule.Area;
        bool periodic = section.Boolean("periodic", false);
        var bonded = Bonded(section, (labels?.Values.AsEnumerable() ?? phases!).Distinct().ToList());
        section.RejectUnknownKeys();
        return new ImageSpec(path, page, pixel, crop, labels, phases, thresholds, minArea, neck, tol, gap, coarsen,
            section.File, section.Path, rule, periodic, bonded);
    }

    /// <summary>bonded = ["CBD", ...]: solid phases of the phase table, each once; null when absent.</summary>
    static List<string>? Bonded(TomlSection s, List<string> names)
    {
        if (!s.Has("bonded")) return null;
        if (s.RawValue("bonded") is not TomlArray a || a.Any(v => v is not string))
            throw Bad(s, "bonded", "expected a list of phase names, e.g. [\"CBD\"]");
        var list = a.Cast<string>().ToList();
        var solids = names.Where(n => n != ImageSpec.VoidPhase).ToList();
        foreach (var name in list)
        {
            if (name == ImageSpec.VoidPhase)
                throw Bad(s, "bonded", $"\"{name}\" is the pore space, which has no bodies to bond; name solid phases ({string.Join(", ", solids)})");
            if (!names.Contains(name))
                throw Bad(s, "bonded", $"\"{name}\" is not a phase of phases ({string.Join(", ", solids)})");
        }
        if (list.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw Bad(s, "bonded", $"\"{twice.Key}\" is listed twice");
        return list;
    }

    static InputException Bad(TomlSection s, string key, string message) => new(s.File, s.Key(key), message);

    /// <summary>A length with a unit: an image carries no unit of its own, so a bare number is refused.</summary>
    static double PixelSize(TomlSection s)
    {
        if (!s.Has("pixel_size")) throw Bad(s, "pixel_size", "missing required key (the side of one pixel with a unit, e.g. \"0.39 um\")");
        if (s.RawValue("pixel_size") is not string text || double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw Bad(s, "pixel_size", "expected a length with a unit, e.g. \"0.39 um\" (a number alone does not say which unit)");
        double v = s.Quantity("pixel_size", Dimension.Length);
        if (!(v > 0)) throw Bad(s, "pixel_size", $"expected a positive length, got {v}");
        return v;
    }

    static PixelRect? Crop(TomlSection s)
    {
        var a = s.Array("crop");
        if (a is null) return null;
        if (a.Count != 4 || a.Any(v => v is not long))
            throw Bad(s, "crop", "expected four integers [x, y, width, height] in pixels");
        var v = a.Select(x => (long)x!).ToArray();
        if (v[0] < 0 || v[1] < 0 || v[2] < 2 || v[3] < 2 || v.Any(x => x > int.MaxValue))
            throw Bad(s, "crop", "expected x, y >= 0 and a width and height of at least 2 pixels");
        return new PixelRect((int)v[0], (int)v[1], (int)v[2], (int)v[3]);
    }

    static (Dictionary<double, string>?, List<string>?, List<double>?) ReadPhases(TomlSection s)
    {
        object? raw = s.Has("phases") ? s.RawValue("phases") : null;
        if (raw is TomlTable table)
        {
            if (s.Has("thresholds")) throw Bad(s, "thresholds", "a table of labels needs no thresholds; remove them or give phases as a list");
            return (LabelTable(s, table), null, null);
        }
        if (raw is TomlArray array)
        {
            var names = array.Select((v, i) => v as string ?? throw Bad(s, $"phases[{i}]", "expected a phase name (string)")).ToList();
            if (names.Count < 2) throw Bad(s, "phases", "expected at least two phases, dark to bright");
            return (null, names, Thresholds(s, names.Count));
        }
        throw Bad(s, "phases", raw is null
            ? "missing required key: a table of labels { 0 = \"pore\", 85 = \"NMC\" } or a list of phases, dark to bright"
            : "expected a table of labels { 0 = \"pore\", ... } or a list of phase names");
    }

    static Dictionary<double, string> LabelTable(TomlSection s, TomlTable table)
    {
        var labels = new Dictionary<double, string>();
        foreach (var (key, value) in table)
        {
            if (!double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out double level) || !double.IsFinite(level))
                throw Bad(s, $"phases.{key}", "expected a grey level (a number) as the key");
            labels[level] = value as string ?? throw Bad(s, $"phases.{key}", "expected a phase name (string)");
        }
        if (labels.Values.Distinct().Count() < 2) throw Bad(s, "phases", "expected at least two phases");
        return labels;
    }

    static List<double>? Thresholds(TomlSection s, int classes)
    {
        object? raw = s.Has("thresholds") ? s.RawValue("thresholds") : null;
        if (raw is null) throw Bad(s, "thresholds", $"missing required key: {classes - 1} grey levels between the phases, or \"otsu\"");
        if (raw is string text)
        {
            if (text != "otsu") throw Bad(s, "thresholds", $"expected a list of grey levels or \"otsu\", got \"{text}\"");
            if (classes > 4) throw Bad(s, "phases", "multi-level Otsu handles two to four phases");
            return null;
        }
        if (raw is not TomlArray a || a.Count != classes - 1)
            throw Bad(s, "thresholds", $"expected {classes - 1} grey levels (one between each pair of phases) or \"otsu\"");
        var t = a.Select(v => v switch { long l => (double)l, double d => d, _ => double.NaN }).ToList();
        for (int i = 0; i < t.Count; i++)
            if (!double.IsFinite(t[i]) || (i > 0 && t[i] <= t[i - 1]))
                throw Bad(s, "thresholds", "expected finite grey levels in increasing order");
        return t;
    }
}
