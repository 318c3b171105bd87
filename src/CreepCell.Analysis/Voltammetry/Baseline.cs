namespace CreepCell.Analysis.Voltammetry;

/// <summary>A straight baseline i = Slope E + Intercept (A/V, A).</summary>
public sealed record Baseline(double Slope, double Intercept)
{
    public double At(double e) => Slope * e + Intercept;
}
