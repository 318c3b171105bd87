using System.Globalization;

namespace CreepCell.Analysis.Pores;

/// <summary>stack.csv: one row with the size, thresholds, class volume fractions and pore connectivity of a stack.</summary>
public static class StackReport
{
    public const string FileName = "stack.csv";

    public static void Write(StackResult r, string dir)
    {
        var cols = new List<(string Name, string Value)>
        {
            ("slices", Int(r.Slices)), ("width_px", Int(r.Width)), ("height_px", Int(r.Height)),
        };
        for (int i = 0; i < r.Thresholds.Length; i++) cols.Add(($"threshold{i}", Num(r.Thresholds[i])));
        cols.Add(("porosity", Num(r.Porosity)));
        cols.Add(("connected_porosity", Num(r.ConnectedPorosity)));
        cols.Add(("connected_fraction_of_pores", Num(r.ConnectedFractionOfPores)));
        cols.Add(("pore_clusters", Int(r.PoreClusters)));
        cols.Add(("spanning_clusters", Int(r.SpanningClusters)));
        for (int i = 0; i < r.ClassFractions.Length; i++) cols.Add(($"class{i}_fraction", Num(r.ClassFractions[i])));
        if (r.VoxelSize is { } s)
        {
            double voxelUm3 = Math.Pow(s * 1e6, 3);
            double total = voxelUm3 * r.Width * r.Height * r.Slices;
            cols.Add(("voxel_size_nm", Num(s * 1e9)));
            cols.Add(("volume_um3", Num(total)));
            cols.Add(("pore_volume_um3", Num(total * r.Porosity)));
            cols.Add(("connected_pore_volume_um3", Num(total * r.ConnectedPorosity)));
        }
        File.WriteAllLines(Path.Combine(dir, FileName), new[]
        {
            string.Join(",", cols.Select(c => c.Name)),
            string.Join(",", cols.Select(c => c.Value)),
        });
    }

    static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);
    static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
