namespace CreepCell.Geometry.Imaging;

/// <summary>Islands of one phase merged into another: how many regions and pixels.</summary>
internal sealed record IslandMerge(string From, string Into, int Regions, long Pixels);
