namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// One peak (anodic or cathodic) over the scan rates: ip against v^1/2 (A per (V/s)^1/2) with the
/// Randles-Sevcik diffusion coefficient (m2/s) when its inputs are known, and log10|ip| against log10 v
/// whose slope is the b-value of i = a v^b.
/// </summary>
public sealed record PeakSeries(string Peak, LinearFit? SqrtFit, double? Diffusivity, LinearFit? LogFit)
{
    public double? B => LogFit?.Slope;
}
