namespace CreepCell.Analysis.Pores;

/// <summary>
/// One pore of a volume, in voxel units: voxel count (its volume), equivalent sphere diameter (6 V / pi)^(1/3),
/// surface area estimate, sphericity pi^(1/3) (6 V)^(2/3) / S (1 for a sphere), centroid, and whether it touches
/// the volume's border (then it is cut and its shape is that of the visible part).
/// </summary>
public sealed record Pore3D(int Label, long Voxels, double EquivalentDiameter, double SurfaceArea, double Sphericity,
    double X, double Y, double Z, bool TouchesBorder);

/// <summary>
/// Per-pore 3D shape from a label volume. The surface area is estimated from the voxel faces a pore shares with
/// voxels that are not its own (solid or another pore) inside the volume: a face count measures the integral of
/// |nx| + |ny| + |nz| over the surface, whose mean over all orientations is 3/2, so the area is 2/3 of the face
/// count. That is unbiased for surfaces without preferred orientation (a sphere within a few per cent at radius
/// 10 voxels) and 2/3 of the truth for faces aligned with the voxel grid (a box). Faces on the volume's border
/// are not counted.
/// </summary>
internal static class PoreShape3D
{
    public static List<Pore3D> Measure(int[] labels, int w, int h, int d)
    {
        int n = labels.Length == 0 ? 0 : labels.Max();
        var count = new long[n + 1]; var faces = new long[n + 1];
        var sx = new double[n + 1]; var sy = new double[n + 1]; var sz = new double[n + 1];
        var border = new bool[n + 1];
        int plane = w * h;
        for (int z = 0; z < d; z++)
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int i = z * plane + y * w + x, l = labels[i];
                    if (l == 0) continue;
                    count[l]++; sx[l] += x; sy[l] += y; sz[l] += z;
                    border[l] |= x == 0 || y == 0 || z == 0 || x == w - 1 || y == h - 1 || z == d - 1;
                    if (x > 0 && labels[i - 1] != l) faces[l]++;
                    if (x < w - 1 && labels[i + 1] != l) faces[l]++;
                    if (y > 0 && labels[i - w] != l) faces[l]++;
                    if (y < h - 1 && labels[i + w] != l) faces[l]++;
                    if (z > 0 && labels[i - plane] != l) faces[l]++;
                    if (z < d - 1 && labels[i + plane] != l) faces[l]++;
                }
        var pores = new List<Pore3D>();
        for (int l = 1; l <= n; l++)
        {
            if (count[l] == 0) continue;
            double v = count[l], area = 2.0 / 3 * faces[l];
            double sphericity = area > 0 ? Math.Cbrt(Math.PI) * Math.Pow(6 * v, 2.0 / 3) / area : 0;
            pores.Add(new Pore3D(l, count[l], Math.Cbrt(6 * v / Math.PI), area, sphericity, sx[l] / v, sy[l] / v, sz[l] / v, border[l]));
        }
        return pores;
    }
}
