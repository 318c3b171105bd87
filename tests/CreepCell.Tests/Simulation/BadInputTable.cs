using System.Globalization;

namespace CreepCell.Tests.Simulation;

/// <summary>A valid case and Gmsh mesh, and bad variants of them: each a case text, an optional mesh
/// text and what the one-line error must name.</summary>
static class BadInputTable
{
    public const string Materials = """
        [materials.SE]
        youngs_modulus = "10 GPa"
        poisson_ratio = 0.3
        swelling = 0.1
        [materials.MSE]
        youngs_modulus = "100 GPa"
        poisson_ratio = 0.3
        [protocol]
        lithiation = [[0, 0.0], ["1 h", 1.0]]
        """;

    public const string Generated = """
        [mesh]
        generator = "inclusion"
        width = "10 um"
        height = "10 um"
        matrix = "MSE"
        element_size = "2 um"
        [[mesh.inclusions]]
        phase = "SE"
        center = ["5 um", "5 um"]
        radius = "2 um"

        """ + Materials + "\n[solver]\nmax_lithiation_step = 0.5\n";

    public const string FromFile = "[mesh]\nfile = \"mesh.msh\"\nunit = \"1 um\"\n" + Materials + "\n";

    /// <summary>A Gmsh 2.2 file of one physical surface "SE" (elements: Gmsh type, then node numbers).</summary>
    public static string Msh((double X, double Y)[] nodes, params (int Type, int[] Nodes)[] elements)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine("$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$PhysicalNames\n1\n2 1 \"SE\"\n$EndPhysicalNames");
        w.WriteLine($"$Nodes\n{nodes.Length}");
        for (int i = 0; i < nodes.Length; i++) w.WriteLine(FormattableString.Invariant($"{i + 1} {nodes[i].X} {nodes[i].Y} 0"));
        w.WriteLine($"$EndNodes\n$Elements\n{elements.Length}");
        for (int e = 0; e < elements.Length; e++) w.WriteLine($"{e + 1} {elements[e].Type} 2 1 1 {string.Join(' ', elements[e].Nodes)}");
        w.WriteLine("$EndElements");
        return w.ToString();
    }

    /// <summary>The unit square in two triangles (1-2-3, 2-4-3), 4 = (1, 1) optionally moved.</summary>
    public static string TwoTriangles(double x4 = 1, double y4 = 1) =>
        Msh([(0, 0), (1, 0), (0, 1), (x4, y4)], (2, [1, 2, 3]), (2, [2, 4, 3]));

    public static string Replace(string text, string from, string to) =>
        text.Contains(from) ? text.Replace(from, to) : throw new ArgumentException($"'{from}' is not in the text");

    /// <summary>Name, case text, mesh text (or null), and the pieces the message must hold.</summary>
    public static IEnumerable<(string Name, string Case, string? Mesh, string[] Expect)> Cases()
    {
        // case files
        yield return ("unit slip in width", Replace(Generated, "width = \"10 um\"", "width = \"1 km\""), null, ["case.toml", "mesh.element_size", "too large", "unknowns"]);
        yield return ("unit slip in element size", Replace(Generated, "element_size = \"2 um\"", "element_size = \"1e-12 m\""), null, ["case.toml", "mesh.element_size", "too large"]);
        yield return ("limit lowered", Generated + "max_unknowns = 10\n", null, ["case.toml", "mesh.element_size", "limit of 10 unknowns"]);
        yield return ("overlapping inclusions", Replace(Generated, "radius = \"2 um\"", "radius = \"2 um\"\n[[mesh.inclusions]]\nphase = \"SE\"\ncenter = [\"6 um\", \"5 um\"]\nradius = \"1 um\""), null, ["case.toml", "mesh.inclusions", "overlap"]);
        yield return ("duplicate key", Replace(Generated, "poisson_ratio = 0.3\nswelling", "poisson_ratio = 0.3\npoisson_ratio = 0.2\nswelling"), null, ["case.toml", "line 14", "materials.SE.poisson_ratio", "lines 13 and 14"]);
        yield return ("duplicate table", Generated + "[solver]\ntolerance = 1e-7\n", null, ["case.toml", "solver", "given twice"]);
        yield return ("min_step above max_step", Generated + "min_step = \"1 h\"\nmax_step = \"1 min\"\n", null, ["case.toml", "solver.min_step", "max_step"]);
        yield return ("threads far too many", Generated + "threads = 100000\n", null, ["case.toml", "solver.threads", "1024"]);
        yield return ("empty output dir", Generated + "[output]\ndir = \"\"\n", null, ["case.toml", "output.dir", "folder"]);
        yield return ("out_of_plane unknown", Generated + "out_of_plane = \"plane_stress\"\n", null, ["case.toml", "solver.out_of_plane", "generalized_plane_strain", "plane_stress"]);
        yield return ("out_of_plane_stress in plane strain", Generated + "out_of_plane_stress = \"5 MPa\"\n", null, ["case.toml", "solver.out_of_plane_stress", "needs out_of_plane = \"generalized_plane_strain\""]);
        yield return ("out_of_plane_stress not a stress", Generated + "out_of_plane = \"generalized_plane_strain\"\nout_of_plane_stress = \"5 um\"\n", null, ["case.toml", "solver.out_of_plane_stress"]);
        yield return ("max_unknowns zero", Generated + "max_unknowns = 0\n", null, ["case.toml", "solver.max_unknowns", "positive"]);
        // meshes
        yield return ("bow-tie quadrilateral", FromFile, Msh([(0, 0), (2, 0), (0, 1), (1, 1)], (3, [1, 2, 3, 4])), ["mesh.msh", "element 1 (line 17)", "bow-tie"]);
        yield return ("tri6 inverted between its integration points", FromFile,
            Msh([(0, 0), (1, 0), (0, 1), (0.637, -0.305), (0.312, 0.323), (-0.016, 0.735)], (9, [1, 2, 3, 4, 5, 6])), ["mesh.msh", "element 1", "between the integration points"]);
        yield return ("folded triangle", FromFile, TwoTriangles(0.2, 0.2), ["mesh.msh", "element 2 (line 18)", "folded over element 1 (line 17)"]);
        yield return ("duplicate element", FromFile, Msh([(0, 0), (1, 0), (0, 1)], (2, [1, 2, 3]), (2, [2, 3, 1])), ["mesh.msh", "element 2", "duplicate element"]);
        yield return ("overlapping bodies", FromFile, Msh([(0, 0), (2, 0), (0, 2), (0.5, 0.5), (3, 0.5), (0.5, 3)], (2, [1, 2, 3]), (2, [4, 5, 6])), ["mesh.msh", "node 4", "overlap"]);
        yield return ("interface meshed twice", FromFile,
            Msh([(0, 0), (1, 0), (0, 1), (1, 1), (1, 0), (2, 0), (1, 1), (2, 1)], (2, [1, 2, 4]), (2, [1, 4, 3]), (2, [5, 6, 8]), (2, [5, 8, 7])), ["mesh.msh", "not connected"]);
        yield return ("body held by nothing with contact off", FromFile + "[contact]\nenabled = false\n",
            Msh([(0, 0), (10, 0), (10, 4), (0, 4), (4, 6), (6, 6), (5, 10)], (2, [1, 2, 3]), (2, [1, 3, 4]), (2, [5, 6, 7])), ["case.toml", "contact.enabled", "held by nothing"]);
    }
}
