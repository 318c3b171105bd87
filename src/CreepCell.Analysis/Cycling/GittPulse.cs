namespace CreepCell.Analysis.Cycling;

/// <summary>
/// One current pulse of a GITT sequence. Voltages in V, times in s, D in m^2/s. <see cref="LinearityR2"/>
/// is the coefficient of determination of E against sqrt(t) during the pulse, which the relation assumes;
/// <see cref="IrDrop"/> is the signed voltage step at the start of the pulse (negative on discharge);
/// <see cref="TauOverDiffusionTime"/> = tau D / L^2 must be small (short-time condition);
/// <see cref="RestDrift"/> is the voltage change over the last fifth of the rest after the pulse.
/// <see cref="Rejection"/> says which validity condition the pulse fails (null: a valid pulse).
/// </summary>
public sealed record GittPulse(int Index, int Cycle, StepKind Direction, double StartTime, double Tau, double Current,
    double VoltageBefore, double VoltageAfter, double IrDrop, double DeltaEs, double DeltaEt, double Diffusivity,
    double LinearityR2, double TauOverDiffusionTime, double RestDrift = 0, string? Rejection = null)
{
    public bool IsValid => Rejection is null;
}
