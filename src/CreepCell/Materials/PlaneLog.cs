namespace CreepCell.Materials;

/// <summary>
/// Logarithm and exponential of a symmetric 2x2 matrix written without eigenvectors, so that they
/// stay smooth (and differentiable in <see cref="Dual5"/>) through equal eigenvalues.
/// log B = (1/2 ln det B - g) I + (g/m) B, with m = tr B / 2, s = r^2/m^2,
/// r^2 = ((Bxx - Byy)/2)^2 + Bxy^2 and g = atanh(sqrt s)/sqrt s.
/// </summary>
internal static class PlaneLog
{
    public static (T Xx, T Yy, T Xy) Log<T>(T bxx, T byy, T bxy) where T : struct, IScalar<T>
    {
        T m = 0.5 * (bxx + byy);
        T h = 0.5 * (bxx - byy);
        T r2 = h * h + bxy * bxy;
        T det = bxx * byy - bxy * bxy;
        T s = r2 / (m * m);
        T g = s.Chain(AtanhRatio(s.V), AtanhRatioDerivative(s.V));
        T c0 = 0.5 * T.Log(det) - g;
        T c1 = g / m;
        return (c0 + c1 * bxx, c0 + c1 * byy, c1 * bxy);
    }

    /// <summary>exp of a symmetric 2x2 matrix: e^mu (cosh rho I + sinh(rho)/rho (E - mu I)).</summary>
    public static (double Xx, double Yy, double Xy) Exp(double exx, double eyy, double exy)
    {
        double mu = 0.5 * (exx + eyy);
        double h = 0.5 * (exx - eyy);
        double rho = Math.Sqrt(h * h + exy * exy);
        double em = Math.Exp(mu);
        double ch = Math.Cosh(rho);
        double sh = rho < 1e-8 ? 1 + rho * rho / 6 : Math.Sinh(rho) / rho;
        return (em * (ch + sh * h), em * (ch - sh * h), em * sh * exy);
    }

    /// <summary>atanh(sqrt s)/sqrt s, by its series near s = 0.</summary>
    internal static double AtanhRatio(double s)
    {
        if (s < 1e-4) return 1 + s * (1.0 / 3 + s * (1.0 / 5 + s * (1.0 / 7 + s / 9)));
        double x = Math.Sqrt(s);
        return Math.Atanh(x) / x;
    }

    internal static double AtanhRatioDerivative(double s)
    {
        if (s < 1e-4) return 1.0 / 3 + s * (2.0 / 5 + s * (3.0 / 7 + s * 4.0 / 9));
        double x = Math.Sqrt(s);
        double dgdx = 1 / ((1 - s) * x) - Math.Atanh(x) / s;
        return dgdx / (2 * x);
    }
}
