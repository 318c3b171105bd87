namespace CreepCell.Materials;

/// <summary>
/// Forward-mode dual number with four partial derivatives, one per in-plane component of the
/// deformation gradient (xx, xy, yx, yy). Running a material law in this arithmetic gives its exact
/// (consistent) tangent dP/dF alongside the stress.
/// </summary>
internal readonly struct Dual4
{
    public readonly double V, D0, D1, D2, D3;

    public Dual4(double v, double d0 = 0, double d1 = 0, double d2 = 0, double d3 = 0)
    {
        V = v; D0 = d0; D1 = d1; D2 = d2; D3 = d3;
    }

    public static Dual4 Variable(double v, int index) => index switch
    {
        0 => new Dual4(v, 1, 0, 0, 0),
        1 => new Dual4(v, 0, 1, 0, 0),
        2 => new Dual4(v, 0, 0, 1, 0),
        _ => new Dual4(v, 0, 0, 0, 1),
    };

    public double D(int i) => i switch { 0 => D0, 1 => D1, 2 => D2, _ => D3 };

    /// <summary>Applies a scalar function with value f and derivative df at V.</summary>
    public Dual4 Chain(double f, double df) => new(f, df * D0, df * D1, df * D2, df * D3);

    public static implicit operator Dual4(double v) => new(v);
    public static Dual4 operator +(Dual4 a, Dual4 b) => new(a.V + b.V, a.D0 + b.D0, a.D1 + b.D1, a.D2 + b.D2, a.D3 + b.D3);
    public static Dual4 operator -(Dual4 a, Dual4 b) => new(a.V - b.V, a.D0 - b.D0, a.D1 - b.D1, a.D2 - b.D2, a.D3 - b.D3);
    public static Dual4 operator -(Dual4 a) => new(-a.V, -a.D0, -a.D1, -a.D2, -a.D3);
    public static Dual4 operator *(double s, Dual4 a) => new(s * a.V, s * a.D0, s * a.D1, s * a.D2, s * a.D3);
    public static Dual4 operator *(Dual4 a, double s) => s * a;

    public static Dual4 operator *(Dual4 a, Dual4 b) => new(a.V * b.V,
        a.D0 * b.V + a.V * b.D0, a.D1 * b.V + a.V * b.D1, a.D2 * b.V + a.V * b.D2, a.D3 * b.V + a.V * b.D3);

    public static Dual4 operator /(Dual4 a, Dual4 b)
    {
        double inv = 1.0 / b.V;
        double q = a.V * inv;
        return new Dual4(q, (a.D0 - q * b.D0) * inv, (a.D1 - q * b.D1) * inv, (a.D2 - q * b.D2) * inv, (a.D3 - q * b.D3) * inv);
    }

    public static Dual4 Log(Dual4 a) => a.Chain(Math.Log(a.V), 1.0 / a.V);
    public static Dual4 Exp(Dual4 a) { double e = Math.Exp(a.V); return a.Chain(e, e); }
    public static Dual4 Sqrt(Dual4 a) { double s = Math.Sqrt(a.V); return a.Chain(s, 0.5 / s); }
}
