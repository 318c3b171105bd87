namespace CreepCell.Analysis.Energy;

/// <summary>A reference electrode and its potential against Li/Li+ (V).</summary>
public sealed record ReferenceElectrode(string Name, double VoltsVsLi)
{
    /// <summary>Li metal, 0 V vs Li/Li+.</summary>
    public static readonly ReferenceElectrode Li = new("Li/Li+", 0);

    /// <summary>In-Li alloy, 0.6 V vs Li/Li+, as the paper's cells use (Methods, citing its ref. for In-Li).</summary>
    public static readonly ReferenceElectrode InLi = new("In-Li", 0.6);
}
