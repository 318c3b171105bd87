using CreepCell.Contact;
using CreepCell.Io;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>
/// The connectivity of each particle as VTU cell fields: electronic_path (1 where the element's particle
/// has an electronic path to the current collector, the bottom side, else 0) and ionic_path (an ionic
/// path to the separator, the top side), as <see cref="Connectivity.PathToCollector"/> finds them.
/// </summary>
internal static class ConnectivityFields
{
    public static VtuGrid With(VtuGrid grid, Mesh mesh, ContactModel contact, double[] u, (bool[] Active, bool[] Electrons, bool[] Ions) conduction)
    {
        var graph = ContactGraph.Build(contact, u);
        var electronic = Connectivity.PathToCollector(graph, conduction.Electrons, graph.TouchesBottom);
        var ionic = Connectivity.PathToCollector(graph, conduction.Ions, graph.TouchesTop);
        double[] Cells(bool[] path) => Enumerable.Range(0, mesh.ElementCount)
            .Select(e => path[contact.Bodies.BodyOfNode[mesh.ElementNodes(e)[0]]] ? 1.0 : 0.0).ToArray();
        var fields = new[] { new VtuArray("electronic_path", "Float64", 1, Cells(electronic), "1"), new VtuArray("ionic_path", "Float64", 1, Cells(ionic), "1") };
        return grid with { CellData = grid.CellData.Concat(fields).ToArray() };
    }
}
