namespace CreepCell.Analysis.Indentation;

/// <summary>The pop-ins of one indent and the Hertz fit before the first, with the modulus it used and where it came from.</summary>
public sealed record PopInResult(IReadOnlyList<PopInEvent> Events, HertzFit? Hertz, string ModulusSource);
