namespace CreepCell.Geometry.Imaging;

/// <summary>Per phase: pixels in the image (after the phase table or thresholds), pixels after island
/// removal, connected regions, bodies after splitting, and the area of the outlines (m^2).</summary>
internal sealed record ImagePhaseReport(string Name, long ImagePixels, long Pixels, int Regions, int Bodies, double OutlineArea);
