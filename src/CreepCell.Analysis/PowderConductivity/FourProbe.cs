namespace CreepCell.Analysis.PowderConductivity;

/// <summary>
/// Geometry correction of a collinear four-point probe with equal spacing s, so that the resistivity is
/// rho = R t RCF with R = V/I between the inner probes and t the sample thickness (F. M. Smits, "Measurement
/// of sheet resistivities with the four-point probe", Bell Syst. Tech. J. 37 (1958) 711). For an infinite
/// thin sheet RCF = pi/ln 2 = 4.532. A disc of diameter D probed at its centre and a slab of finite
/// thickness on an insulating face lower it; the cell factor is the product of the two corrections, as
/// usual when both apply.
/// </summary>
internal static class FourProbe
{
    public static readonly double ThinSheet = Math.PI / Math.Log(2);

    /// <summary>
    /// Sheet-resistance factor of a thin circular disc, diameter D, probes centred with spacing s:
    /// pi / (ln 2 + ln((D^2/s^2 + 3) / (D^2/s^2 - 3))), from the images of the current sources in the disc
    /// edge (Smits 1958, the circular-slice table: 2.2662 at D/s = 3, 4.1712 at 10, 4.5324 at infinity).
    /// </summary>
    public static double DiskFactor(double diameterOverSpacing)
    {
        double r2 = diameterOverSpacing * diameterOverSpacing;
        if (!(r2 > 3)) throw new ArgumentException($"the cell diameter must exceed sqrt(3) = 1.73 probe spacings, got {diameterOverSpacing:G4}");
        return Math.PI / (Math.Log(2) + Math.Log((r2 + 3) / (r2 - 3)));
    }

    /// <summary>
    /// Thickness correction F(t/s) of a slab whose far face does not conduct (Smits 1958, thickness table:
    /// 0.9974 at t/s = 0.5, 0.9214 at 1, 0.6336 at 2), from the sum over the images of the sources in the
    /// two faces: F = ln 2 / (w (1/2 + 2 sum_n [1/sqrt(1 + (2nw)^2) - 1/sqrt(4 + (2nw)^2)])), w = t/s.
    /// Below w = 0.1 it differs from 1 by less than 1e-8 and is taken as 1.
    /// </summary>
    public static double ThicknessFactor(double thicknessOverSpacing)
    {
        double w = thicknessOverSpacing;
        if (!(w > 0)) throw new ArgumentException($"the thickness must be positive, got t/s = {w:G4}");
        if (w < 0.1) return 1;
        int terms = (int)Math.Ceiling(100 / w);
        double sum = 0;
        for (int n = terms; n >= 1; n--)
        {
            double x = 2 * n * w;
            sum += 1 / Math.Sqrt(1 + x * x) - 1 / Math.Sqrt(4 + x * x);
        }
        // Each term tends to 3/(2 x^3); the remainder past the last term is 3/(32 w^3 N^2).
        sum += 3 / (32 * w * w * w * (double)terms * terms);
        return Math.Log(2) / (w * (0.5 + 2 * sum));
    }

    /// <summary>Cell factor for a disc of the given diameter and thickness probed with spacing s: DiskFactor x ThicknessFactor.</summary>
    public static double CellFactor(double diameter, double spacing, double thickness) =>
        DiskFactor(diameter / spacing) * ThicknessFactor(thickness / spacing);
}
