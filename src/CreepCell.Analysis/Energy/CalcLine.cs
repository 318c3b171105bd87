namespace CreepCell.Analysis.Energy;

/// <summary>One line of a calculation table: what, value (display unit), unit, how it was obtained.</summary>
public sealed record CalcLine(string Quantity, double Value, string Unit, string How);
