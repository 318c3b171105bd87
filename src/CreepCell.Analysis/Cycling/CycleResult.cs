namespace CreepCell.Analysis.Cycling;

/// <summary>
/// One cycle's figures in SI (C, J, V, s). Null means the quantity cannot be formed (a missing half
/// cycle, no mass given). Retention is the chosen capacity over that of the reference cycle.
/// <see cref="TesterCycle"/> is the export's cycle index (several cycles may share one);
/// <see cref="Incomplete"/> marks a last cycle that the export cut short (see <see cref="CycleAnalysis.IsCutShort"/>).
/// <see cref="ChargeCcC"/> and <see cref="ChargeCvC"/> split the charge capacity into its constant-current and
/// constant-voltage parts (see <see cref="StepTable"/>).
/// </summary>
public sealed record CycleResult(
    int Cycle, double ChargeC, double DischargeC, double ChargeJ, double DischargeJ,
    double? MeanChargeVoltage, double? MeanDischargeVoltage, double? ChargeCurrent, double? DischargeCurrent,
    double? CoulombicEfficiency, double? Retention, double? ChargeCPerKg, double? DischargeCPerKg,
    double? ChargeCPerM2, double? DischargeCPerM2, double? Utilization, double StartTime, double EndTime,
    int TesterCycle = 0, bool Incomplete = false, double ChargeCcC = 0, double ChargeCvC = 0);
