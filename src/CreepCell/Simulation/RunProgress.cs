namespace CreepCell.Simulation;

/// <summary>Where a run stands after a step, for progress displays.</summary>
public sealed record RunProgress(int Step, int Cycle, int Cycles, HalfCycle Half, double Time, double StartTime, double EndTime,
    double Lithiation, double StepSize, int Iterations, TimeSpan Elapsed)
{
    /// <summary>Fraction of simulated time done.</summary>
    public double Fraction => EndTime > StartTime ? (Time - StartTime) / (EndTime - StartTime) : 1;

    /// <summary>Simulated time where this process began (later than <see cref="StartTime"/> after a resume):
    /// the time left is extrapolated from the progress made since then.</summary>
    public double SessionStartTime { get; init; } = double.NaN;

    /// <summary>Cycle jumps taken so far and the length of the last one (cycles).</summary>
    public int Jumps { get; init; }
    public int LastJump { get; init; }

    /// <summary>", 3 cycle jumps (last 12 cycles)" when the run has jumped, else empty.</summary>
    public string JumpNote => Jumps > 0 ? $", {Jumps} cycle jump{(Jumps == 1 ? "" : "s")} (last {LastJump} cycles)" : "";

    public TimeSpan? Remaining
    {
        get
        {
            double from = double.IsNaN(SessionStartTime) ? StartTime : SessionStartTime;
            double done = EndTime > from ? (Time - from) / (EndTime - from) : 1;
            return done > 0 ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (1 - done) / done) : null;
        }
    }

    public override string ToString() =>
        $"step {Step}: cycle {Cycle}/{Cycles} {Half.ToString().ToLowerInvariant()}, t = {Time / 3600:F3} h, lithiation {Lithiation:F4}, " +
        $"dt = {StepSize:G4} s, {Iterations} Newton iterations{JumpNote}, {100 * Fraction:F1} % done" + (Remaining is { } r ? $", about {r.TotalSeconds:F0} s left" : "");
}
