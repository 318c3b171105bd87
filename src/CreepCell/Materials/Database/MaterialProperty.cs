namespace CreepCell.Materials.Database;

/// <summary>A property value in SI with the text it was written as and its source ("assumed: ..." when chosen by us).</summary>
public sealed record MaterialProperty(double Value, string Text, string Source)
{
    public bool IsAssumed => Source.StartsWith("assumed", StringComparison.OrdinalIgnoreCase);
}
