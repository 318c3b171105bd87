using System.Numerics;
using CreepCell.Geometry;

namespace CreepCell.Meshing.Triangulation;

/// <summary>
/// Orientation and in-circle tests that always return the correct sign. A floating-point evaluation
/// is accepted when it exceeds Shewchuk's a-priori error bound ("Adaptive Precision Floating-Point
/// Arithmetic and Fast Robust Geometric Predicates", 1997, bounds ccwerrboundA and iccerrboundA);
/// otherwise the determinant is recomputed exactly with big integers.
/// </summary>
internal static class Predicates
{
    const double Epsilon = 1.1102230246251565e-16; // 2^-53
    const double CcwBound = (3.0 + 16.0 * Epsilon) * Epsilon;
    const double IccBound = (10.0 + 96.0 * Epsilon) * Epsilon;

    /// <summary>Positive if a, b, c turn counter-clockwise, negative if clockwise, zero if collinear.</summary>
    public static double Orient(Vec2 a, Vec2 b, Vec2 c)
    {
        double l = (a.X - c.X) * (b.Y - c.Y);
        double r = (a.Y - c.Y) * (b.X - c.X);
        double det = l - r;
        double sum = Math.Abs(l) + Math.Abs(r);
        if (Math.Abs(det) > CcwBound * sum) return det;
        return ExactOrient(a, b, c);
    }

    /// <summary>Positive if d lies strictly inside the circle through the counter-clockwise triangle a, b, c.</summary>
    public static double InCircle(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
    {
        double adx = a.X - d.X, ady = a.Y - d.Y;
        double bdx = b.X - d.X, bdy = b.Y - d.Y;
        double cdx = c.X - d.X, cdy = c.Y - d.Y;
        double bc = bdx * cdy - cdx * bdy, ca = cdx * ady - adx * cdy, ab = adx * bdy - bdx * ady;
        double al = adx * adx + ady * ady, bl = bdx * bdx + bdy * bdy, cl = cdx * cdx + cdy * cdy;
        double det = al * bc + bl * ca + cl * ab;
        double permanent = (Math.Abs(bdx * cdy) + Math.Abs(cdx * bdy)) * al
                         + (Math.Abs(cdx * ady) + Math.Abs(adx * cdy)) * bl
                         + (Math.Abs(adx * bdy) + Math.Abs(bdx * ady)) * cl;
        if (Math.Abs(det) > IccBound * permanent) return det;
        return ExactInCircle(a, b, c, d);
    }

    static double ExactOrient(Vec2 a, Vec2 b, Vec2 c)
    {
        var v = Scaled(a.X, a.Y, b.X, b.Y, c.X, c.Y);
        var det = (v[0] - v[4]) * (v[3] - v[5]) - (v[1] - v[5]) * (v[2] - v[4]);
        return det.Sign;
    }

    static double ExactInCircle(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
    {
        var v = Scaled(a.X, a.Y, b.X, b.Y, c.X, c.Y, d.X, d.Y);
        BigInteger adx = v[0] - v[6], ady = v[1] - v[7];
        BigInteger bdx = v[2] - v[6], bdy = v[3] - v[7];
        BigInteger cdx = v[4] - v[6], cdy = v[5] - v[7];
        var det = (adx * adx + ady * ady) * (bdx * cdy - cdx * bdy)
                + (bdx * bdx + bdy * bdy) * (cdx * ady - adx * cdy)
                + (cdx * cdx + cdy * cdy) * (adx * bdy - bdx * ady);
        return det.Sign;
    }

    /// <summary>Writes every value as an integer times a common power of two (exact for finite doubles).</summary>
    static BigInteger[] Scaled(params double[] values)
    {
        var mant = new long[values.Length];
        var exp = new int[values.Length];
        int minExp = int.MaxValue;
        for (int i = 0; i < values.Length; i++)
        {
            Decompose(values[i], out mant[i], out exp[i]);
            if (mant[i] != 0) minExp = Math.Min(minExp, exp[i]);
        }
        var result = new BigInteger[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = mant[i] == 0 ? BigInteger.Zero : new BigInteger(mant[i]) << (exp[i] - minExp);
        return result;
    }

    static void Decompose(double x, out long mantissa, out int exponent)
    {
        if (!double.IsFinite(x)) throw new ArgumentException("coordinate is not finite");
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int e = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xFFFFFFFFFFFFFL;
        if (e == 0) e = 1; else m |= 1L << 52;
        mantissa = negative ? -m : m;
        exponent = e - 1075;
    }
}
