namespace CreepCell.Simulation;

/// <summary>One row of the comparison with the paper: our values at full lithiation of the first and
/// last cycle, and the paper's (Fig. 4) where it states them. Over several seeds our values are the
/// means, with the sample standard deviations beside them.</summary>
public sealed record StudyRow(string Quantity, double? OursFirst, double? OursLast, double? PaperFirst, double? PaperLast, string Unit, int LastCycle = 0)
{
    public double? OursFirstSd { get; init; }
    public double? OursLastSd { get; init; }
    public int Samples { get; init; } = 1;
}
