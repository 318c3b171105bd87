namespace CreepCell.Analysis.Cycling;

/// <summary>What a record's step does, from the tester's step type or from the sign of the current.</summary>
public enum StepKind { Rest, Charge, Discharge }

/// <summary>
/// One sampled point of a cycler export, in SI: time in s since the start of the test, current in A
/// (positive = charge), voltage in V. <see cref="Row"/> is the 1-based line or spreadsheet row it came from.
/// </summary>
public readonly record struct CyclerRecord(int Row, double Time, double Current, double Voltage, int Cycle, int Step, StepKind Kind);

/// <summary>The tester's own per-cycle totals, when the export carries them (Neware layered export).</summary>
public sealed record TesterCycleSummary(int Cycle, double ChargeCoulombs, double DischargeCoulombs, double ChargeJoules, double DischargeJoules);

/// <summary>Records read from one cycler export, with the format that was recognised.</summary>
public sealed record CyclerData(string Source, string Format, IReadOnlyList<CyclerRecord> Records, IReadOnlyList<TesterCycleSummary> TesterSummary)
{
    /// <summary>True when the export numbers its cycles (more than one distinct cycle index).</summary>
    public bool HasCycleIndex => Records.Count > 0 && Records.Any(r => r.Cycle != Records[0].Cycle);
}
