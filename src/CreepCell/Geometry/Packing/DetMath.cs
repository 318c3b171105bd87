namespace CreepCell.Geometry.Packing;

/// <summary>
/// Elementary functions from IEEE arithmetic and sqrt only (range reduction plus Taylor/atanh series),
/// so that generated geometry does not depend on the platform's libm. Accurate to a few ulp, which is
/// all the packing needs; what matters is that the result is the same everywhere.
/// </summary>
internal static class DetMath
{
    const double Ln2 = 0.6931471805599453;
    // ln 2 split so that k * Ln2Hi is exact for |k| < 2^11 (Cody and Waite, as in fdlibm's e_exp.c)
    const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    const double Pi = 3.141592653589793;

    /// <summary>e^x.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x > 709) return double.PositiveInfinity;
        if (x < -745) return 0;
        double k = Math.Round(x / Ln2);
        double r = (x - k * Ln2Hi) - k * Ln2Lo;
        double term = 1, sum = 1;
        for (int n = 1; n < 30 && Math.Abs(term) > 1e-18; n++)
        {
            term *= r / n;
            sum += term;
        }
        return Math.ScaleB(sum, (int)k);
    }

    /// <summary>Natural logarithm of x &gt; 0.</summary>
    public static double Log(double x)
    {
        if (!(x > 0)) return x == 0 ? double.NegativeInfinity : double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        int e = Math.ILogB(x);
        double m = Math.ScaleB(x, -e);
        if (m > 1.4142135623730951) { m /= 2; e++; }
        // ln m = 2 atanh(z), z = (m - 1) / (m + 1), |z| < 0.172
        double z = (m - 1) / (m + 1), z2 = z * z, power = z, sum = 0;
        for (int n = 1; n < 60 && Math.Abs(power) > 1e-20; n += 2)
        {
            sum += power / n;
            power *= z2;
        }
        return 2 * sum + e * Ln2;
    }

    /// <summary>sin x for |x| up to a few pi (reduced to [-pi, pi] first).</summary>
    public static double Sin(double x)
    {
        x = Reduce(x);
        double term = x, sum = x, x2 = x * x;
        for (int n = 1; n < 40 && Math.Abs(term) > 1e-18; n++)
        {
            term *= -x2 / ((2 * n) * (2 * n + 1));
            sum += term;
        }
        return sum;
    }

    /// <summary>cos x for |x| up to a few pi (reduced to [-pi, pi] first).</summary>
    public static double Cos(double x)
    {
        x = Reduce(x);
        double term = 1, sum = 1, x2 = x * x;
        for (int n = 1; n < 40 && Math.Abs(term) > 1e-18; n++)
        {
            term *= -x2 / ((2 * n - 1) * (2 * n));
            sum += term;
        }
        return sum;
    }

    /// <summary>Angle of the vector (x, y) in (-pi, pi].</summary>
    public static double Atan2(double y, double x)
    {
        if (x == 0 && y == 0) return 0;
        double ax = Math.Abs(x), ay = Math.Abs(y);
        double a = ay <= ax ? Atan(ay / ax) : Pi / 2 - Atan(ax / ay);
        if (x < 0) a = Pi - a;
        return y < 0 ? -a : a;
    }

    /// <summary>atan t for 0 &lt;= t &lt;= 1: two half-angle reductions, then the Taylor series.</summary>
    static double Atan(double t)
    {
        for (int i = 0; i < 2; i++) t /= 1 + Math.Sqrt(1 + t * t);
        double t2 = t * t, power = t, sum = 0;
        for (int n = 1; n < 80 && Math.Abs(power) > 1e-20; n += 2)
        {
            sum += (((n - 1) / 2) % 2 == 0 ? power : -power) / n;
            power *= t2;
        }
        return 4 * sum;
    }

    static double Reduce(double x)
    {
        const double TwoPi = 2 * Pi;
        if (Math.Abs(x) <= Pi) return x;
        return x - TwoPi * Math.Round(x / TwoPi);
    }
}
