using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>The state of a run at the end of a cycle computed in full: what a jump extrapolates from and
/// what a rejected jump returns to.</summary>
internal sealed class CycleSnapshot
{
    public int Cycle;
    /// <summary>The watched quantities of the cycle (<see cref="CycleJumper"/>), at full lithiation and at its end.</summary>
    public double[] Watched = Array.Empty<double>();
    public double[] U = Array.Empty<double>();
    /// <summary>The out-of-plane stretch F33 (1 in plane strain).</summary>
    public double Stretch = 1;
    public PointState[] States = Array.Empty<PointState>();
    public double Time, NextDt, PreviousDt;
    public int Step, HistoryRows, FieldFiles;
    /// <summary>The pairs of particles in contact at the cycle's full lithiation (body a times bodies plus body b, a &lt; b).</summary>
    public long[] Pairs = Array.Empty<long>();
}
