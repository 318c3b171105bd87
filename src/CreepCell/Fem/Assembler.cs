using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Sparse;

namespace CreepCell.Fem;

/// <summary>
/// Element loop: gathers element data, calls <see cref="ElementKernel"/>, scatters into the global
/// internal-force vector and the sparse tangent over the free dofs. Elements are coloured so that no
/// two elements of a colour share a node: colours run one after another, the elements of a colour in
/// parallel, so every global entry is summed in the same order whatever the thread count.
/// </summary>
public sealed class Assembler
{
    readonly Mesh mesh;
    readonly Material[] materialOfRegion;
    readonly DofMap dofs;
    readonly int[][] colors;
    readonly int[] scatterOffsets;
    readonly int[] scatter;
    readonly ThreadLocal<ElementWorkspace> workspaces = new(() => new ElementWorkspace());

    public bool Fbar { get; }
    /// <summary>Largest number of threads of the element loop (results do not depend on it).</summary>
    public int MaxThreads { get; set; } = -1;
    public CscMatrix Pattern { get; }
    /// <summary>Quadrature point e has states [PointOffsets[e], PointOffsets[e+1]).</summary>
    public int[] PointOffsets { get; }
    public int PointCount => PointOffsets[^1];
    public int ColorCount => colors.Length;

    public Assembler(Mesh mesh, Material[] materialOfRegion, DofMap dofs, bool fbar)
    {
        this.mesh = mesh;
        this.materialOfRegion = materialOfRegion;
        this.dofs = dofs;
        Fbar = fbar;
        PointOffsets = new int[mesh.ElementCount + 1];
        for (int e = 0; e < mesh.ElementCount; e++)
            PointOffsets[e + 1] = PointOffsets[e] + ReferenceElement.Of(mesh.Types[e]).PointCount;
        Pattern = SparsityPattern.Build(mesh, dofs);
        (scatterOffsets, scatter) = SparsityPattern.ScatterMap(mesh, dofs, Pattern);
        colors = ElementColoring.Greedy(mesh);
    }

    /// <summary>The deformation gradient each point of element e hands to its material law (F-bar where on), at [4 q + i].</summary>
    public void PointDeformations(int e, double[] u, Span<double> f)
    {
        var ws = workspaces.Value!;
        int nd = 2 * mesh.ElementNodes(e).Length;
        Gather(e, u, ws);
        var input = new ElementInput(ReferenceElement.Of(mesh.Types[e]), ws.Xe.AsSpan(0, nd), ws.Ue.AsSpan(0, nd),
            materialOfRegion[mesh.Region[e]], Fbar, 0, 0, 0);
        ElementKernel.PointDeformations(input, ws, f);
    }

    void Gather(int e, double[] u, ElementWorkspace ws)
    {
        var nodes = mesh.ElementNodes(e);
        for (int a = 0; a < nodes.Length; a++)
        {
            var p = mesh.Nodes[nodes[a]];
            ws.Xe[2 * a] = p.X; ws.Xe[2 * a + 1] = p.Y;
            ws.Ue[2 * a] = u[2 * nodes[a]]; ws.Ue[2 * a + 1] = u[2 * nodes[a] + 1];
        }
    }

    public PointState[] InitialStates()
    {
        var s = new PointState[PointCount];
        Array.Fill(s, PointState.Initial);
        return s;
    }

    /// <summary>
    /// Per dof, the sum of the magnitudes of the element forces of the last assembly: the size of what
    /// cancels in the internal force, and so the scale of its round-off.
    /// </summary>
    public double[] ForceMagnitude { get; private set; } = Array.Empty<double>();

    /// <summary>
    /// Internal forces (all dofs) and, if <paramref name="stiffness"/> is given, the tangent values in
    /// <see cref="Pattern"/> order. New states and point responses are written, never the old states.
    /// </summary>
    public void Assemble(double[] u, LoadState load, PointState[] oldStates, PointState[] newStates,
        PointResponse[] responses, double[] internalForce, double[]? stiffness)
    {
        Array.Clear(internalForce);
        if (ForceMagnitude.Length != internalForce.Length) ForceMagnitude = new double[internalForce.Length];
        Array.Clear(ForceMagnitude);
        if (stiffness is not null) Array.Clear(stiffness);
        foreach (var color in colors)
        {
            Parallel.For(0, color.Length, new ParallelOptions { MaxDegreeOfParallelism = MaxThreads }, i =>
                AssembleElement(color[i], u, load, oldStates, newStates, responses, internalForce, stiffness));
        }
    }

    void AssembleElement(int e, double[] u, LoadState load, PointState[] oldStates, PointState[] newStates,
        PointResponse[] responses, double[] fint, double[]? stiffness)
    {
        var ws = workspaces.Value!;
        var nodes = mesh.ElementNodes(e);
        int nd = 2 * nodes.Length;
        Gather(e, u, ws);
        var re = ReferenceElement.Of(mesh.Types[e]);
        var input = new ElementInput(re, ws.Xe.AsSpan(0, nd), ws.Ue.AsSpan(0, nd), materialOfRegion[mesh.Region[e]], Fbar,
            load.Theta, load.Dt, load.Temperature);
        int p0 = PointOffsets[e], np = PointOffsets[e + 1] - p0;
        ElementKernel.Compute(input, ws, oldStates.AsSpan(p0, np), newStates.AsSpan(p0, np), responses.AsSpan(p0, np), stiffness is not null);
        for (int a = 0; a < nodes.Length; a++)
        {
            fint[2 * nodes[a]] += ws.Residual[2 * a];
            fint[2 * nodes[a] + 1] += ws.Residual[2 * a + 1];
            ForceMagnitude[2 * nodes[a]] += Math.Abs(ws.Residual[2 * a]);
            ForceMagnitude[2 * nodes[a] + 1] += Math.Abs(ws.Residual[2 * a + 1]);
        }
        if (stiffness is null) return;
        int map = scatterOffsets[e];
        for (int k = 0; k < nd * nd; k++)
        {
            int pos = scatter[map + k];
            if (pos >= 0) stiffness[pos] += ws.Stiffness[k];
        }
    }
}
