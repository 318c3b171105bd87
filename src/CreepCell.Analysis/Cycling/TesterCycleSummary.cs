namespace CreepCell.Analysis.Cycling;

/// <summary>The tester's own per-cycle totals, when the export carries them (Neware layered export).</summary>
public sealed record TesterCycleSummary(int Cycle, double ChargeCoulombs, double DischargeCoulombs, double ChargeJoules, double DischargeJoules);
