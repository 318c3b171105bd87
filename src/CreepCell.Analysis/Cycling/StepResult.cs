namespace CreepCell.Analysis.Cycling;

/// <summary>
/// One step in SI (s, V, C, A). <see cref="TesterStep"/> is the export's step index (0 when it has none);
/// <see cref="Direction"/> is the direction of the current (Rest for a rest). Capacity is positive.
/// </summary>
public sealed record StepResult(int Number, int TesterStep, int TesterCycle, StepMode Mode, StepKind Direction,
    double StartTime, double EndTime, double StartVoltage, double EndVoltage, double Coulombs)
{
    public double Duration => EndTime - StartTime;

    /// <summary>Signed mean current (A, positive = charge): capacity over duration; null for a rest or a zero duration.</summary>
    public double? MeanCurrent => Mode == StepMode.Rest || !(Duration > 0) ? null
        : (Direction == StepKind.Discharge ? -1 : 1) * Coulombs / Duration;
}
