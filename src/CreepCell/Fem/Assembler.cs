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
internal sealed class Assembler
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

    /// <summary>F33 is an unknown (generalized plane strain); false: F33 = 1 (plane strain).</summary>
    public bool StretchFree { get; }
    /// <summary>With <see cref="StretchFree"/>, after an assembly: dR_u/dF33 (all dofs).</summary>
    public double[] StretchColumn { get; }
    /// <summary>With <see cref="StretchFree"/>, after an assembly with the tangent: dR33/du (all dofs).</summary>
    public double[] StretchRow { get; }
    /// <summary>With <see cref="StretchFree"/>, after an assembly: the out-of-plane force sum dv P33, its
    /// derivative in F33 (with the tangent), and the original area sum dv / v.</summary>
    public double StretchForce { get; private set; }
    public double StretchStiffness { get; private set; }
    public double OriginalArea { get; private set; }
    /// <summary>Per element the three sums above, added up in element order so that the totals do not
    /// depend on the thread count.</summary>
    readonly double[] elementStretch;

    public Assembler(Mesh mesh, Material[] materialOfRegion, DofMap dofs, bool fbar, bool stretchFree = false)
    {
        this.mesh = mesh;
        this.materialOfRegion = materialOfRegion;
        this.dofs = dofs;
        Fbar = fbar;
        StretchFree = stretchFree;
        int stretchDofs = stretchFree ? dofs.DofCount : 0;
        StretchColumn = new double[stretchDofs];
        StretchRow = new double[stretchDofs];
        elementStretch = new double[stretchFree ? 3 * mesh.ElementCount : 0];
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
        PointResponse[] responses, double[] internalForce, double[]? stiffness) =>
        Assemble(u, 1.0, load, oldStates, newStates, responses, internalForce, stiffness);

    /// <summary>The same at the out-of-plane stretch F33 = <paramref name="stretch"/>.</summary>
    public void Assemble(double[] u, double stretch, LoadState load, PointState[] oldStates, PointState[] newStates,
        PointResponse[] responses, double[] internalForce, double[]? stiffness)
    {
        Array.Clear(internalForce);
        if (ForceMagnitude.Length != internalForce.Length) ForceMagnitude = new double[internalForce.Length];
        Array.Clear(ForceMagnitude);
        if (stiffness is not null) Array.Clear(stiffness);
        Array.Clear(StretchColumn);
        Array.Clear(StretchRow);
        foreach (var color in colors)
        {
            Parallel.For(0, color.Length, new ParallelOptions { MaxDegreeOfParallelism = MaxThreads }, i =>
                AssembleElement(color[i], u, stretch, load, oldStates, newStates, responses, internalForce, stiffness));
        }
        if (StretchFree) SumStretch();
    }

    void SumStretch()
    {
        double force = 0, stiffness = 0, area = 0;
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            force += elementStretch[3 * e];
            stiffness += elementStretch[3 * e + 1];
            area += elementStretch[3 * e + 2];
        }
        (StretchForce, StretchStiffness, OriginalArea) = (force, stiffness, area);
    }

    void AssembleElement(int e, double[] u, double stretch, LoadState load, PointState[] oldStates, PointState[] newStates,
        PointResponse[] responses, double[] fint, double[]? stiffness)
    {
        var ws = workspaces.Value!;
        var nodes = mesh.ElementNodes(e);
        int nd = 2 * nodes.Length;
        Gather(e, u, ws);
        var re = ReferenceElement.Of(mesh.Types[e]);
        var input = new ElementInput(re, ws.Xe.AsSpan(0, nd), ws.Ue.AsSpan(0, nd), materialOfRegion[mesh.Region[e]], Fbar,
            load.Theta, load.Dt, load.Temperature, stretch, StretchFree);
        int p0 = PointOffsets[e], np = PointOffsets[e + 1] - p0;
        ElementKernel.Compute(input, ws, oldStates.AsSpan(p0, np), newStates.AsSpan(p0, np), responses.AsSpan(p0, np), stiffness is not null);
        for (int a = 0; a < nodes.Length; a++)
        {
            fint[2 * nodes[a]] += ws.Residual[2 * a];
            fint[2 * nodes[a] + 1] += ws.Residual[2 * a + 1];
            ForceMagnitude[2 * nodes[a]] += Math.Abs(ws.Residual[2 * a]);
            ForceMagnitude[2 * nodes[a] + 1] += Math.Abs(ws.Residual[2 * a + 1]);
        }
        if (StretchFree) ScatterStretch(e, nodes, ws, stiffness is not null);
        if (stiffness is null) return;
        int map = scatterOffsets[e];
        for (int k = 0; k < nd * nd; k++)
        {
            int pos = scatter[map + k];
            if (pos >= 0) stiffness[pos] += ws.Stiffness[k];
        }
    }

    void ScatterStretch(int e, ReadOnlySpan<int> nodes, ElementWorkspace ws, bool withTangent)
    {
        elementStretch[3 * e] = ws.StretchForce;
        elementStretch[3 * e + 1] = ws.StretchStiffness;
        elementStretch[3 * e + 2] = ws.OriginalArea;
        for (int a = 0; a < nodes.Length; a++)
            for (int k = 0; k < 2; k++)
            {
                StretchColumn[2 * nodes[a] + k] += ws.StretchColumn[2 * a + k];
                if (withTangent) StretchRow[2 * nodes[a] + k] += ws.StretchRow[2 * a + k];
            }
    }
}
