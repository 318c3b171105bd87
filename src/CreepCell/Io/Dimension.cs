namespace CreepCell.Io;

/// <summary>Physical dimension as exponents of (m, kg, s, K, mol, A).</summary>
public readonly record struct Dimension(int M, int Kg, int S, int K, int Mol, int A)
{
    public static readonly Dimension None = new(0, 0, 0, 0, 0, 0);
    public static readonly Dimension Length = new(1, 0, 0, 0, 0, 0);
    public static readonly Dimension Area = new(2, 0, 0, 0, 0, 0);
    public static readonly Dimension Mass = new(0, 1, 0, 0, 0, 0);
    public static readonly Dimension Time = new(0, 0, 1, 0, 0, 0);
    public static readonly Dimension Rate = new(0, 0, -1, 0, 0, 0);
    public static readonly Dimension Temperature = new(0, 0, 0, 1, 0, 0);
    public static readonly Dimension Pressure = new(-1, 1, -2, 0, 0, 0);
    public static readonly Dimension Force = new(1, 1, -2, 0, 0, 0);
    public static readonly Dimension Energy = new(2, 1, -2, 0, 0, 0);
    public static readonly Dimension MolarEnergy = new(2, 1, -2, 0, -1, 0);
    public static readonly Dimension Density = new(-3, 1, 0, 0, 0, 0);
    public static readonly Dimension Charge = new(0, 0, 1, 0, 0, 1);
    public static readonly Dimension Current = new(0, 0, 0, 0, 0, 1);
    public static readonly Dimension Voltage = new(2, 1, -3, 0, 0, -1);
    public static readonly Dimension SpecificCharge = new(0, -1, 1, 0, 0, 1);
    public static readonly Dimension Conductivity = new(-3, -1, 3, 0, 0, 2);

    public static Dimension operator +(Dimension a, Dimension b) =>
        new(a.M + b.M, a.Kg + b.Kg, a.S + b.S, a.K + b.K, a.Mol + b.Mol, a.A + b.A);

    public static Dimension operator *(int p, Dimension a) =>
        new(p * a.M, p * a.Kg, p * a.S, p * a.K, p * a.Mol, p * a.A);

    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string n, int e) { if (e != 0) parts.Add(e == 1 ? n : $"{n}^{e}"); }
        Add("m", M); Add("kg", Kg); Add("s", S); Add("K", K); Add("mol", Mol); Add("A", A);
        return parts.Count == 0 ? "1" : string.Join(" ", parts);
    }
}
