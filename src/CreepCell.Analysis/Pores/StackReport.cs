using System.Globalization;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// stack.csv: one row with the size, thresholds, class volume fractions, pore connectivity and tortuosity of a
/// stack; stack_pores.csv: one row per pore with its 3D shape (voxel units, and SI-derived units with a voxel size).
/// </summary>
public static class StackReport
{
    public const string FileName = "stack.csv";
    public const string PoresFileName = "stack_pores.csv";

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
        cols.Add(("pores", Int(r.Pores.Count)));
        cols.Add(("split", r.Split ? "watershed" : "clusters"));
        // An empty cell when no cluster spans the stack: there is no path to measure.
        cols.Add(("tortuosity_z", r.Tortuosity is { } t ? Num(t.Tau) : ""));
        cols.Add(("tortuosity_outlet_voxels", r.Tortuosity is { } u ? Int(u.OutletVoxels) : "0"));
        if (r.Diffusion is { } df)
        {
            cols.Add(("tortuosity_factor_z", Num(df.TortuosityFactor)));
            cols.Add(("relative_diffusivity_z", Num(df.RelativeDiffusivity)));
            cols.Add(("diffusion_iterations", Int(df.Iterations)));
            cols.Add(("diffusion_relative_residual", Num(df.Residual)));
            cols.Add(("flux_in_out_difference", Num(Math.Abs(df.InletFlux - df.OutletFlux) / df.InletFlux)));
        }
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
        WritePores(r, dir);
    }

    static void WritePores(StackResult r, string dir)
    {
        string header = "pore,voxels,equivalent_diameter_vx,surface_area_vx2,sphericity,x_vx,y_vx,z_vx,touches_border";
        double? s = r.VoxelSize;
        if (s is not null) header += ",volume_um3,equivalent_diameter_um,surface_area_um2";
        var lines = new List<string> { header };
        foreach (var p in r.Pores)
        {
            string line = string.Join(",", Int(p.Label), Int(p.Voxels), Num(p.EquivalentDiameter), Num(p.SurfaceArea), Num(p.Sphericity),
                Num(p.X), Num(p.Y), Num(p.Z), p.TouchesBorder ? "1" : "0");
            if (s is double a)
            {
                double um = a * 1e6;
                line += "," + string.Join(",", Num(p.Voxels * um * um * um), Num(p.EquivalentDiameter * um), Num(p.SurfaceArea * um * um));
            }
            lines.Add(line);
        }
        File.WriteAllLines(Path.Combine(dir, PoresFileName), lines);
    }

    static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);
    static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
