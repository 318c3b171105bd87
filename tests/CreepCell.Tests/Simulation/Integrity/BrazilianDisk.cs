using CreepCell.Fem;

namespace CreepCell.Tests.Simulation.Integrity;

/// <summary>
/// The elastic stress field of a disk of radius R (per unit thickness) under diametral compression,
/// independent of the finite elements. Two opposite point loads P along y (Hertz; Timoshenko and Goodier,
/// Theory of Elasticity, art. 41: two Flamant radial fields from the load points plus a uniform tension
/// 2P / (pi D)); a radial pressure p on the arcs |phi| &lt; alpha about the y axis (Hondros 1959) as the
/// integral over phi of rotated point-load pairs of p R dphi, by composite Gauss-Legendre quadrature.
/// </summary>
static class BrazilianDisk
{
    public static (double Xx, double Yy, double Xy) PointLoads(double x, double y, double radius, double force)
    {
        double c = 2 * force / Math.PI;
        double d1 = radius - y, d2 = radius + y;
        double r1 = x * x + d1 * d1, r2 = x * x + d2 * d2;
        double q1 = 1 / (r1 * r1), q2 = 1 / (r2 * r2);
        double tension = c / (2 * radius);
        return (-c * (d1 * x * x * q1 + d2 * x * x * q2) + tension,
                -c * (d1 * d1 * d1 * q1 + d2 * d2 * d2 * q2) + tension,
                c * (d1 * d1 * x * q1 - d2 * d2 * x * q2));
    }

    /// <summary>Total force of each arc along y: P = 2 p R sin(alpha).</summary>
    public static double StripForce(double pressure, double radius, double alpha) => 2 * pressure * radius * Math.Sin(alpha);

    public static (double Xx, double Yy, double Xy) StripLoads(double x, double y, double radius, double pressure, double alpha, int panels)
    {
        var (gx, gw) = Quadrature.GaussLegendre(4);
        double width = 2 * alpha / panels, sxx = 0, syy = 0, sxy = 0;
        for (int k = 0; k < panels; k++)
        {
            double mid = -alpha + (k + 0.5) * width;
            for (int g = 0; g < 4; g++)
            {
                double phi = mid + 0.5 * width * gx[g], weight = 0.5 * width * gw[g] * pressure * radius;
                double c = Math.Cos(phi), s = Math.Sin(phi);
                // the frame in which this pair lies on the y axis: x' = c x - s y, y' = s x + c y
                var (a, b, t) = PointLoads(c * x - s * y, s * x + c * y, radius, weight);
                sxx += c * c * a + s * s * b + 2 * c * s * t;
                syy += s * s * a + c * c * b - 2 * c * s * t;
                sxy += -c * s * a + c * s * b + (c * c - s * s) * t;
            }
        }
        return (sxx, syy, sxy);
    }
}
