using System.Globalization;
using CreepCell.Geometry.Packing;

namespace CreepCell.Meshing;

/// <summary>
/// The size of a mesh and of its finite-element model, estimated from the domain and the element sizes
/// before anything is meshed, so that a unit slip (a width of 1 km, an element size of 1e-12 m) is refused
/// at once instead of meshing until the memory runs out.
/// </summary>
/// <param name="Elements">Triangles.</param>
/// <param name="Unknowns">Displacement unknowns (two per node).</param>
/// <param name="Bytes">Memory of a run on that mesh: element states and the sparse factorization.</param>
internal sealed record SizeEstimate(double Elements, double Nodes, double Unknowns, double Bytes)
{
    /// <summary>
    /// Triangles per square of the largest edge length h that the mesher makes at its 28 degree minimum
    /// angle: 5.06 to 5.07 measured on uniform rectangles of 1e3 to 1e4 h^2 (an equilateral mesh of edge h
    /// would have 2.31).
    /// </summary>
    public const double TrianglesPerSquare = 5.07;

    /// <summary>Default largest model of `creepcell run`: about 3.4 GB of memory (see <see cref="Bytes"/>).</summary>
    public const long DefaultMaxUnknowns = 1_000_000;

    /// <summary>Default largest mesh of `creepcell mesh`: about 1.6 GB (see <see cref="MeshingBytes"/>).</summary>
    public const long DefaultMaxElements = 5_000_000;

    /// <summary>Memory of the mesher alone: 300 bytes per triangle and the runtime's 60 MB (peak resident
    /// memory of `creepcell mesh` at 50,669 and 202,291 triangles: 74 and 119 MB).</summary>
    public double MeshingBytes => 60e6 + 300 * Elements;

    /// <summary>A rectangle with inclusions (<see cref="InclusionMesh"/>). With a finer edge h0 on the
    /// inclusion boundaries and linear grading g up to the largest edge H, each unit length of boundary
    /// adds (H - h0)^2 / (g h0 H^2) squares on each side (the integral of 1/h^2 - 1/H^2 across the graded
    /// band); the total is at most the area over h0^2.</summary>
    public static SizeEstimate ForInclusionMesh(double width, double height, IReadOnlyList<Inclusion> inclusions, InclusionSizes sizes)
    {
        double area = width * height, big = sizes.MaxEdge;
        double squares = area / (big * big);
        if (sizes.InclusionEdge is double h0 && h0 < big && inclusions.Count > 0)
        {
            double perimeter = inclusions.Sum(i => i.Shape.Perimeter());
            double graded = sizes.Grading > 0 ? 2 * perimeter * (big - h0) * (big - h0) / (sizes.Grading * h0 * big * big) : double.PositiveInfinity;
            squares = Math.Min(squares + graded, area / (h0 * h0));
        }
        return FromTriangles(TrianglesPerSquare * squares, sizes.SecondOrder);
    }

    /// <summary>A packed microstructure meshed particle by particle (<see cref="ParticleMesh"/>): each
    /// phase's area fraction of the RVE at its element size.</summary>
    public static SizeEstimate ForParticles(PackingSpec spec, ParticleMeshOptions options)
    {
        double squares = spec.Phases.Sum(p =>
        {
            double h = options.ElementSize ?? options.RelativeSize * p.MeanDiameter;
            return p.Fraction * spec.Side * spec.Side / (h * h);
        });
        return FromTriangles(TrianglesPerSquare * squares, options.SecondOrder);
    }

    /// <summary>
    /// Nodes: half the triangles for linear ones, twice for quadratic ones (Euler's formula, boundary
    /// neglected). Memory of a run: 3.3 kB per unknown (mesh, quadrature states, tangent, factor, output)
    /// and the runtime's 60 MB, from the peak resident memory of one step of a Tri6 inclusion case with
    /// 51,068 and 202,434 unknowns (224 and 721 MB).
    /// </summary>
    static SizeEstimate FromTriangles(double triangles, bool quadratic)
    {
        double nodes = quadratic ? 2 * triangles : 0.5 * triangles;
        double n = 2 * nodes;
        return new SizeEstimate(triangles, nodes, n, 60e6 + 3300 * n);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"about {Elements:G3} elements, {Unknowns:G3} unknowns and {Human(Bytes)} of memory");

    public static string Human(double bytes) => bytes switch
    {
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:G3} kB"),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:G3} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:G3} GB"),
    };
}
