using System.Globalization;
using System.Text;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Io;

/// <summary>
/// VTK XML unstructured grid (.vtu, ASCII) of the reference mesh with the displacement as point data
/// (warp by vector in ParaView for the deformed shape), optional scalar point fields (the contact
/// pressure and gap), and quadrature fields averaged per element (area-weighted) as cell data; and the
/// .pvd collection that makes a time series of them.
/// </summary>
public static class VtuWriter
{
    static int VtkType(ElementType t) => t switch
    {
        ElementType.Tri3 => 5, ElementType.Tri6 => 22, ElementType.Quad4 => 9, ElementType.Quad8 => 23, _ => 28,
    };

    public static void Write(string path, Mesh mesh, double[] u, int[] pointOffsets, PointResponse[] responses, PointState[] states,
        IReadOnlyList<(string Name, double[] Values)>? pointFields = null)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<?xml version=\"1.0\"?>\n<VTKFile type=\"UnstructuredGrid\" version=\"1.0\" byte_order=\"LittleEndian\">\n<UnstructuredGrid>\n");
        sb.Append(inv, $"<Piece NumberOfPoints=\"{mesh.NodeCount}\" NumberOfCells=\"{mesh.ElementCount}\">\n");
        sb.Append("<Points>\n<DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        foreach (var p in mesh.Nodes) sb.Append(inv, $"{p.X:R} {p.Y:R} 0\n");
        sb.Append("</DataArray>\n</Points>\n<Cells>\n<DataArray type=\"Int32\" Name=\"connectivity\" format=\"ascii\">\n");
        for (int e = 0; e < mesh.ElementCount; e++) sb.Append(string.Join(' ', mesh.ElementNodes(e).ToArray())).Append('\n');
        sb.Append("</DataArray>\n<DataArray type=\"Int32\" Name=\"offsets\" format=\"ascii\">\n");
        for (int e = 0; e < mesh.ElementCount; e++) sb.Append(mesh.Offsets[e + 1]).Append('\n');
        sb.Append("</DataArray>\n<DataArray type=\"UInt8\" Name=\"types\" format=\"ascii\">\n");
        for (int e = 0; e < mesh.ElementCount; e++) sb.Append(VtkType(mesh.Types[e])).Append('\n');
        sb.Append("</DataArray>\n</Cells>\n<PointData Vectors=\"displacement\">\n");
        sb.Append("<DataArray type=\"Float64\" Name=\"displacement\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        for (int n = 0; n < mesh.NodeCount; n++) sb.Append(inv, $"{Finite(u[2 * n]):R} {Finite(u[2 * n + 1]):R} 0\n");
        sb.Append("</DataArray>\n");
        foreach (var (name, values) in pointFields ?? Array.Empty<(string, double[])>())
            AppendArray(sb, name, mesh.NodeCount, n => values[n], "Float64");
        sb.Append("</PointData>\n<CellData Scalars=\"von_mises\">\n");
        AppendArray(sb, "phase", mesh.ElementCount, e => mesh.Region[e], "Int32");
        var avg = CellAverages(mesh, pointOffsets, responses, states);
        string[] names = { "von_mises", "pressure", "stress_xx", "stress_yy", "stress_xy", "stress_zz", "creep_strain" };
        for (int k = 0; k < names.Length; k++) AppendArray(sb, names[k], mesh.ElementCount, e => avg[e * names.Length + k], "Float64");
        sb.Append("</CellData>\n</Piece>\n</UnstructuredGrid>\n</VTKFile>\n");
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>Area-weighted element means, 7 per element: von Mises, pressure, xx, yy, xy, zz stress, creep strain.</summary>
    public static double[] CellAverages(Mesh mesh, int[] pointOffsets, PointResponse[] responses, PointState[] states)
    {
        const int k = 7;
        var r = new double[mesh.ElementCount * k];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            double area = 0;
            for (int q = pointOffsets[e]; q < pointOffsets[e + 1]; q++)
            {
                var s = responses[q];
                double a = s.Area;
                area += a;
                var c = s.Cauchy;
                r[e * k] += a * c.VonMises; r[e * k + 1] += a * c.Pressure;
                r[e * k + 2] += a * c.Xx; r[e * k + 3] += a * c.Yy; r[e * k + 4] += a * c.Xy; r[e * k + 5] += a * c.Zz;
                r[e * k + 6] += a * states[q].CreepStrain;
            }
            for (int j = 0; j < k; j++) r[e * k + j] = area > 0 ? r[e * k + j] / area : 0;
        }
        return r;
    }

    /// <summary>One scalar array of count values (per point or per cell).</summary>
    static void AppendArray(StringBuilder sb, string name, int count, Func<int, double> value, string type)
    {
        sb.Append($"<DataArray type=\"{type}\" Name=\"{name}\" format=\"ascii\">\n");
        for (int i = 0; i < count; i++) sb.Append(Finite(value(i)).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("</DataArray>\n");
    }

    static double Finite(double v) => double.IsFinite(v) ? v : throw new InvalidOperationException("non-finite value in a field output");

    /// <summary>ParaView collection of (time, file) pairs.</summary>
    public static void WritePvd(string path, IEnumerable<(double Time, string File)> entries)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<VTKFile type=\"Collection\" version=\"1.0\">\n<Collection>\n");
        foreach (var (t, f) in entries)
            sb.Append(CultureInfo.InvariantCulture, $"<DataSet timestep=\"{t:R}\" group=\"\" part=\"0\" file=\"{f}\"/>\n");
        sb.Append("</Collection>\n</VTKFile>\n");
        AtomicFile.WriteAllText(path, sb.ToString());
    }
}
