using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>The state of a run at the end of a cycle computed in full: what a jump extrapolates from and
/// what a rejected jump returns to.</summary>
public sealed class CycleSnapshot
{
    public int Cycle;
    /// <summary>The watched quantities of the cycle (<see cref="CycleJumper"/>), at full lithiation and at its end.</summary>
    public double[] Watched = Array.Empty<double>();
    public double[] U = Array.Empty<double>();
    public PointState[] States = Array.Empty<PointState>();
    public double Time, NextDt, PreviousDt;
    public int Step, HistoryRows, FieldFiles;
}

/// <summary>
/// What cycle jumping carries from step to step and saves in checkpoints: the last cycles computed in
/// full, a jump waiting for its check, the cap on the next jump, and the jumps taken.
/// </summary>
public sealed class CycleJumpState
{
    /// <summary>The last (up to three) consecutive cycles computed in full; only the last two keep U and states.</summary>
    public List<CycleSnapshot> Recent = new();
    /// <summary>The snapshot a jump started from, while the cycle after it has not yet checked it.</summary>
    public CycleSnapshot? PendingFrom;
    /// <summary>The watched quantities predicted for the end of the checking cycle.</summary>
    public double[] Predicted = Array.Empty<double>();
    /// <summary>Largest Delta N of the next jump (halved after a rejected one).</summary>
    public int Cap = int.MaxValue;
    /// <summary>Jumps taken: from the end of cycle From to the end of cycle To, not computed in between.</summary>
    public List<(int From, int To)> Jumps = new();
    /// <summary>Jumps taken back because the cycle after them disagreed with the extrapolation.</summary>
    public int Rejected;

    public bool Pending => PendingFrom is not null;
}
