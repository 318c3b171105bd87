using System.Globalization;

namespace CreepCell.Geometry.Imaging;

/// <summary>
/// For an image declared periodic (<c>periodic = true</c>): no body may touch itself through the periodic
/// edge. A body that holds the pixels at the same row on the left and right edges of the analysed region
/// (or the same column on the top and bottom edges) would, tiled, join its own copy: a particle without
/// end, which the rollers that bound the RVE cannot stand for. Bodies of one phase that meet across the
/// edge are two particles in contact and pass. The check runs on the body labels, before any outline.
/// </summary>
internal static class PeriodicCheck
{
    public static void Require(int[] body, int w, int h, List<int> phaseOfBody, IReadOnlyList<string> names, ImageSpec spec)
    {
        var inv = CultureInfo.InvariantCulture;
        int n = spec.Coarsen, x0 = spec.Crop?.X ?? 0, y0 = spec.Crop?.Y ?? 0;
        string file = Path.GetFileName(spec.Path);
        void Fail(int b, string edges, int matches, (int X, int Y) first, (int X, int Y) second, string along) =>
            throw new InputException(spec.Source, spec.Key("periodic"), string.Format(inv,
                "{0} body {1} touches itself through the periodic edge: it holds pixels ({2}, {3}) and ({4}, {5}) of {6} on the {7} edges of the analysed region " +
                "({8} matching {9}), so the tiled image would join it to its own copy; crop so that no body reaches across the region at the same {10}, " +
                "or set periodic = false (the edges then hold rollers and nothing is joined across them)",
                names[phaseOfBody[b]], b, first.X, first.Y, second.X, second.Y, file, edges, matches, matches == 1 ? along : along + "s", along));

        for (int y = 0; y < h; y++)
        {
            int b = body[y * w];
            if (b < 0 || body[y * w + w - 1] != b) continue;
            int matches = Enumerable.Range(0, h).Count(r => body[r * w] == b && body[r * w + w - 1] == b);
            Fail(b, "left and right", matches, (x0, y0 + y * n), (x0 + w * n - 1, y0 + y * n), "row");
        }
        for (int x = 0; x < w; x++)
        {
            int b = body[x];
            if (b < 0 || body[(h - 1) * w + x] != b) continue;
            int matches = Enumerable.Range(0, w).Count(c => body[c] == b && body[(h - 1) * w + c] == b);
            Fail(b, "top and bottom", matches, (x0 + x * n, y0), (x0 + x * n, y0 + h * n - 1), "column");
        }
    }
}
