namespace CreepCell.Io.Plots;

/// <summary>Appearance of a <see cref="FieldMap"/>.</summary>
internal sealed record FieldMapOptions
{
    /// <summary>Width of the whole image in pixels; the height follows the deformed shape's aspect.</summary>
    public int Width { get; init; } = 1000;
    /// <summary>Fixed lower end of the colour range (same unit as the element values); null = data minimum.
    /// Fix both ends to compare maps of several runs or cycles.</summary>
    public double? Min { get; init; }
    /// <summary>Fixed upper end of the colour range; null = data maximum.</summary>
    public double? Max { get; init; }
    /// <summary>Factor from the element values to the unit shown on the colour bar (1e-9 for Pa to GPa).</summary>
    public double UnitScale { get; init; } = 1;
    /// <summary>Multiplies the displacement before drawing (1 = true deformed shape).</summary>
    public double DisplacementScale { get; init; } = 1;
    /// <summary>Straight pieces per quadratic element edge.</summary>
    public int EdgeSegments { get; init; } = 6;
    /// <summary>Draw particle outlines and phase interfaces.</summary>
    public bool Outlines { get; init; } = true;
}
