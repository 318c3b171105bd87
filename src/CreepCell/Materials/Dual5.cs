namespace CreepCell.Materials;

/// <summary>
/// Forward-mode dual number with five partial derivatives: one per in-plane component of the
/// deformation gradient (xx, xy, yx, yy) and one for the out-of-plane stretch F33. Running a material
/// law in this arithmetic gives its exact (consistent) tangent alongside the stress. Each derivative
/// is computed by the same operations whatever the others hold, so the in-plane entries do not depend
/// on whether F33 is an unknown.
/// </summary>
internal readonly struct Dual5 : IScalar<Dual5>
{
    public readonly double D0, D1, D2, D3, D4;
    public double V { get; }

    public Dual5(double v, double d0 = 0, double d1 = 0, double d2 = 0, double d3 = 0, double d4 = 0)
    {
        V = v; D0 = d0; D1 = d1; D2 = d2; D3 = d3; D4 = d4;
    }

    /// <summary>Index 0-3: the in-plane components of F; 4: F33.</summary>
    public static Dual5 Variable(double v, int index) => index switch
    {
        0 => new Dual5(v, 1, 0, 0, 0, 0),
        1 => new Dual5(v, 0, 1, 0, 0, 0),
        2 => new Dual5(v, 0, 0, 1, 0, 0),
        3 => new Dual5(v, 0, 0, 0, 1, 0),
        _ => new Dual5(v, 0, 0, 0, 0, 1),
    };

    public double D(int i) => i switch { 0 => D0, 1 => D1, 2 => D2, 3 => D3, _ => D4 };

    /// <summary>Applies a scalar function with value f and derivative df at V.</summary>
    public Dual5 Chain(double f, double df) => new(f, df * D0, df * D1, df * D2, df * D3, df * D4);

    public static implicit operator Dual5(double v) => new(v);
    public static Dual5 operator +(Dual5 a, Dual5 b) => new(a.V + b.V, a.D0 + b.D0, a.D1 + b.D1, a.D2 + b.D2, a.D3 + b.D3, a.D4 + b.D4);
    public static Dual5 operator -(Dual5 a, Dual5 b) => new(a.V - b.V, a.D0 - b.D0, a.D1 - b.D1, a.D2 - b.D2, a.D3 - b.D3, a.D4 - b.D4);
    public static Dual5 operator -(Dual5 a) => new(-a.V, -a.D0, -a.D1, -a.D2, -a.D3, -a.D4);
    public static Dual5 operator *(double s, Dual5 a) => new(s * a.V, s * a.D0, s * a.D1, s * a.D2, s * a.D3, s * a.D4);
    public static Dual5 operator *(Dual5 a, double s) => s * a;

    public static Dual5 operator *(Dual5 a, Dual5 b) => new(a.V * b.V,
        a.D0 * b.V + a.V * b.D0, a.D1 * b.V + a.V * b.D1, a.D2 * b.V + a.V * b.D2, a.D3 * b.V + a.V * b.D3, a.D4 * b.V + a.V * b.D4);

    public static Dual5 operator /(Dual5 a, Dual5 b)
    {
        double inv = 1.0 / b.V;
        double q = a.V * inv;
        return new Dual5(q, (a.D0 - q * b.D0) * inv, (a.D1 - q * b.D1) * inv, (a.D2 - q * b.D2) * inv, (a.D3 - q * b.D3) * inv,
            (a.D4 - q * b.D4) * inv);
    }

    public static Dual5 Log(Dual5 a) => a.Chain(Math.Log(a.V), 1.0 / a.V);
    public static Dual5 Exp(Dual5 a) { double e = Math.Exp(a.V); return a.Chain(e, e); }
    public static Dual5 Sqrt(Dual5 a) { double s = Math.Sqrt(a.V); return a.Chain(s, 0.5 / s); }
}
