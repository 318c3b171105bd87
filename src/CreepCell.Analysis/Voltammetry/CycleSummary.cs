namespace CreepCell.Analysis.Voltammetry;

/// <summary>Anodic and cathodic peaks of one cycle and what follows from them.</summary>
public sealed record CycleSummary(int Cycle, SegmentPeak? Anodic, SegmentPeak? Cathodic)
{
    public bool Complete => Anodic is not null && Cathodic is not null;
    public double? Separation => Anodic?.PeakPotential - Cathodic?.PeakPotential;
    public double? HalfWave => (Anodic?.PeakPotential + Cathodic?.PeakPotential) / 2;
    public double? CurrentRatio => Anodic?.PeakCurrent is double a && Cathodic?.PeakCurrent is double c && c != 0 ? Math.Abs(a / c) : null;
}
