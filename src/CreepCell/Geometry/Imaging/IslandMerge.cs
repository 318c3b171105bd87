namespace CreepCell.Geometry.Imaging;

/// <summary>Islands of one phase merged into another: how many regions and pixels.</summary>
public sealed record IslandMerge(string From, string Into, int Regions, long Pixels);
