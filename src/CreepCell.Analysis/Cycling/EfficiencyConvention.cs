namespace CreepCell.Analysis.Cycling;

/// <summary>Which ratio the Coulombic efficiency reports.</summary>
public enum EfficiencyConvention
{
    /// <summary>Charge returned over charge put in: the cycle's second half over its first, where the first
    /// half has the direction the test opened with (discharge/charge for a Neware full cell that charges
    /// first, charge/discharge for a Se or graphite half cell that discharges first).</summary>
    OutOverIn,
    DischargeOverCharge,
    ChargeOverDischarge,
}
