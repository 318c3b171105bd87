namespace CreepCell.Materials;

/// <summary>
/// Symmetric tensor of plane strain: in-plane xx, yy, xy and the out-of-plane zz (xz = yz = 0).
/// Generic over double or <see cref="Dual5"/> through the arithmetic helpers in
/// <see cref="PlaneLog"/>; this struct holds plain values for states and outputs.
/// </summary>
internal readonly record struct SymTensor(double Xx, double Yy, double Xy, double Zz)
{
    public static readonly SymTensor Identity = new(1, 1, 0, 1);
    public double Trace => Xx + Yy + Zz;

    /// <summary>Von Mises equivalent: sqrt(3/2 s:s), zz included.</summary>
    public double VonMises
    {
        get
        {
            double m = Trace / 3;
            double a = Xx - m, b = Yy - m, c = Zz - m;
            return Math.Sqrt(1.5 * (a * a + b * b + c * c + 2 * Xy * Xy));
        }
    }

    /// <summary>Mean pressure, positive in compression.</summary>
    public double Pressure => -Trace / 3;

    public static SymTensor operator *(double s, SymTensor t) => new(s * t.Xx, s * t.Yy, s * t.Xy, s * t.Zz);
    public static SymTensor operator +(SymTensor a, SymTensor b) => new(a.Xx + b.Xx, a.Yy + b.Yy, a.Xy + b.Xy, a.Zz + b.Zz);

    public bool IsFinite => double.IsFinite(Xx) && double.IsFinite(Yy) && double.IsFinite(Xy) && double.IsFinite(Zz);
}
