using System.Globalization;
using System.Text;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Io;

/// <summary>
/// VTK XML unstructured grid (.vtu) of the reference mesh with the displacement as point data (warp by
/// vector in ParaView for the deformed shape), optional scalar point fields (the contact pressure and
/// gap), quadrature fields averaged per element (area-weighted) as cell data, and field data with the
/// time and the phase names; every array carries its unit. Binary (zlib, appended; <see cref="VtuBinary"/>)
/// or ASCII; and the .pvd collection that makes a time series of them.
/// </summary>
internal static class VtuWriter
{
    public static void Write(string path, Mesh mesh, double[] u, int[] pointOffsets, PointResponse[] responses, PointState[] states,
        IReadOnlyList<(string Name, double[] Values)>? pointFields = null, VtuOptions? options = null)
    {
        var o = options ?? new VtuOptions();
        Write(path, VtuGrid.Build(mesh, u, pointOffsets, responses, states, pointFields, o.Time), o.Encoding);
    }

    public static void Write(string path, VtuGrid grid, VtuEncoding encoding)
    {
        foreach (var a in grid.PointData.Concat(grid.CellData).Concat(grid.FieldData).Append(grid.Points))
            if (a.Values is double[] d) Array.ForEach(d, v => Finite(v));
        if (encoding == VtuEncoding.Binary) AtomicFile.Write(path, s => VtuBinary.Write(s, grid));
        else AtomicFile.WriteAllText(path, Ascii(grid));
    }

    static string Ascii(VtuGrid g)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<?xml version=\"1.0\"?>\n<VTKFile type=\"UnstructuredGrid\" version=\"1.0\" byte_order=\"LittleEndian\">\n<UnstructuredGrid>\n");
        if (g.FieldData.Length > 0)
        {
            sb.Append("<FieldData>\n");
            foreach (var a in g.FieldData) AppendArray(sb, a, $" NumberOfTuples=\"{a.Length}\"");
            sb.Append("</FieldData>\n");
        }
        sb.Append(inv, $"<Piece NumberOfPoints=\"{g.PointCount}\" NumberOfCells=\"{g.CellCount}\">\n<Points>\n");
        AppendArray(sb, g.Points);
        sb.Append("</Points>\n<Cells>\n");
        foreach (var a in g.Cells) AppendArray(sb, a);
        sb.Append("</Cells>\n<PointData Vectors=\"displacement\">\n");
        foreach (var a in g.PointData) AppendArray(sb, a);
        sb.Append("</PointData>\n<CellData Scalars=\"von_mises\">\n");
        foreach (var a in g.CellData) AppendArray(sb, a);
        sb.Append("</CellData>\n</Piece>\n</UnstructuredGrid>\n</VTKFile>\n");
        return sb.ToString();
    }

    /// <summary>The opening tag of a DataArray without its format (Points carry no Name, as before).</summary>
    internal static string OpenTag(VtuArray a, string extra = "") =>
        $"<DataArray type=\"{a.Type}\"" + (a.Name == "Points" ? "" : $" Name=\"{a.Name}\"") +
        (a.Components > 1 || a.Name == "Points" ? $" NumberOfComponents=\"{a.Components}\"" : "") + extra;

    /// <summary>VTK's place for an array's unit (IOXMLInformationFormat); after the numbers, so that readers
    /// that take the element's leading text as the data still find them.</summary>
    internal static string UnitKey(VtuArray a) =>
        a.Unit is null ? "" : $"<InformationKey name=\"UNITS_LABEL\" location=\"vtkDataArray\">{a.Unit}</InformationKey>\n";

    static void AppendArray(StringBuilder sb, VtuArray a, string extra = "")
    {
        sb.Append(OpenTag(a, extra)).Append(" format=\"ascii\">\n");
        var inv = CultureInfo.InvariantCulture;
        string Text(int i) => a.Values switch
        {
            double[] d => d[i].ToString("R", inv), int[] n => n[i].ToString(inv), byte[] b => b[i].ToString(inv), _ => throw new NotSupportedException(),
        };
        int tuples = a.Length / a.Components;
        if (a.LineOffsets is { } lines)
        {
            for (int r = 0; r + 1 < lines.Length; r++)
                sb.Append(string.Join(' ', Enumerable.Range(lines[r], lines[r + 1] - lines[r]).Select(Text))).Append('\n');
        }
        else
        {
            for (int t = 0; t < tuples; t++)
            {
                for (int c = 0; c < a.Components; c++) sb.Append(c > 0 ? " " : "").Append(Text(t * a.Components + c));
                sb.Append('\n');
            }
        }
        sb.Append(UnitKey(a)).Append("</DataArray>\n");
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
