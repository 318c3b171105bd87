namespace CreepCell.Materials;

/// <summary>
/// The arithmetic the material law is written in: <see cref="Dual5"/> carries the derivatives that
/// make the tangent, <see cref="Plain"/> only the value. Both compute the value by the same operations,
/// so a point's stress does not depend on whether its tangent was wanted.
/// </summary>
internal interface IScalar<T> where T : struct, IScalar<T>
{
    double V { get; }
    /// <summary>Index 0-3: the in-plane components of F; 4: F33.</summary>
    static abstract T Variable(double v, int index);
    /// <summary>Applies a scalar function with value f and derivative df at V.</summary>
    T Chain(double f, double df);
    static abstract implicit operator T(double v);
    static abstract T operator +(T a, T b);
    static abstract T operator -(T a, T b);
    static abstract T operator -(T a);
    static abstract T operator *(double s, T a);
    static abstract T operator *(T a, double s);
    static abstract T operator *(T a, T b);
    static abstract T operator /(T a, T b);
    static abstract T Log(T a);
    static abstract T Exp(T a);
    static abstract T Sqrt(T a);
}

/// <summary>A value without derivatives: the material law for a residual alone.</summary>
internal readonly struct Plain(double v) : IScalar<Plain>
{
    public double V { get; } = v;
    public static Plain Variable(double v, int index) => new(v);
    public Plain Chain(double f, double df) => new(f);
    public static implicit operator Plain(double v) => new(v);
    public static Plain operator +(Plain a, Plain b) => new(a.V + b.V);
    public static Plain operator -(Plain a, Plain b) => new(a.V - b.V);
    public static Plain operator -(Plain a) => new(-a.V);
    public static Plain operator *(double s, Plain a) => new(s * a.V);
    public static Plain operator *(Plain a, double s) => new(s * a.V);
    public static Plain operator *(Plain a, Plain b) => new(a.V * b.V);
    /// <summary>The quotient as <see cref="Dual5"/> forms its value: times the reciprocal.</summary>
    public static Plain operator /(Plain a, Plain b) => new(a.V * (1.0 / b.V));
    public static Plain Log(Plain a) => new(Math.Log(a.V));
    public static Plain Exp(Plain a) => new(Math.Exp(a.V));
    public static Plain Sqrt(Plain a) => new(Math.Sqrt(a.V));
}
