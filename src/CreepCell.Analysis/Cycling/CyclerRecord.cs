namespace CreepCell.Analysis.Cycling;

/// <summary>
/// One sampled point of a cycler export, in SI: time in s since the start of the test, current in A
/// (positive = charge), voltage in V. <see cref="Row"/> is the 1-based line or spreadsheet row it came from.
/// </summary>
public readonly record struct CyclerRecord(int Row, double Time, double Current, double Voltage, int Cycle, int Step, StepKind Kind);
