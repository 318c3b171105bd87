namespace CreepCell.Analysis.Voltammetry;

/// <summary>One sweep of the potential in one direction (+1 anodic, towards higher potential; -1 cathodic).</summary>
public sealed record Segment(int Index, int Cycle, int Direction, IReadOnlyList<CvPoint> Points)
{
    public double StartPotential => Points[0].Potential;
    public double EndPotential => Points[^1].Potential;
    public double Span => Math.Abs(EndPotential - StartPotential);

    /// <summary>Where a potential lies along the sweep, 0 at its start and 1 at its end.</summary>
    public double Position(double e) => Span > 0 ? (e - StartPotential) * Direction / Span : 0;
}
