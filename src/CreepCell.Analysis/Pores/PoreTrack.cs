namespace CreepCell.Analysis.Pores;

/// <summary>
/// One pore followed through the sequence. Its relative area in a frame is its area there over its area in
/// the frame where it was first seen (for pores of the first frame: the paper's Fig. 3d quantity).
/// </summary>
public sealed class PoreTrack
{
    readonly List<PoreObservation> _observations = new();

    public int Id { get; }
    public int FirstFrame { get; }
    public PoreOrigin Origin { get; }
    /// <summary>Pores this one split from or merged from (empty for initial and appearing pores).</summary>
    public IReadOnlyList<int> Parents { get; }
    public PoreFate Fate { get; internal set; } = PoreFate.Present;
    /// <summary>First frame in which the pore is no longer seen (null while present in the last frame).</summary>
    public int? EndFrame { get; internal set; }
    /// <summary>The pore it merged into, for <see cref="PoreFate.MergedInto"/>.</summary>
    public int? MergedInto { get; internal set; }
    public IReadOnlyList<PoreObservation> Observations => _observations;

    internal PoreTrack(int id, int firstFrame, PoreOrigin origin, IReadOnlyList<int> parents)
    {
        Id = id;
        FirstFrame = firstFrame;
        Origin = origin;
        Parents = parents;
    }

    internal void Add(PoreObservation o) => _observations.Add(o);

    public int InitialAreaPx => _observations[0].Region.AreaPx;
    public int LastFrameSeen => _observations[^1].Frame;

    public double RelativeArea(PoreObservation o) => (double)o.Region.AreaPx / InitialAreaPx;
}
