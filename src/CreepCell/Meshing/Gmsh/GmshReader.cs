using CreepCell.Geometry;
using CreepCell.Meshing.Gmsh;

namespace CreepCell.Meshing;

/// <summary>
/// Reads Gmsh ASCII meshes, formats 2.2 and 4.1 (Gmsh reference manual, "MSH file format").
/// Regions are the physical surfaces, named by $PhysicalNames (or by their number when unnamed);
/// boundary sets are the physical curves (2- and 3-node lines). When the file defines physical groups,
/// elements outside them are ignored, as Gmsh does; when it has none, every surface becomes a region
/// "surface_TAG" and every curve a boundary set "curve_TAG". An element in several physical surfaces
/// takes the one with the smallest number. Only nodes used by surface elements or boundary sets are
/// kept, renumbered in file order; surface elements are made counter-clockwise; z is ignored.
/// </summary>
public static class GmshReader
{
    /// <param name="unitScale">Factor from file units to metres (e.g. 1e-6 for micrometres).</param>
    public static Mesh Read(string path, double unitScale = 1)
    {
        if (!(unitScale > 0) || !double.IsFinite(unitScale))
            throw new InputException(path, "[mesh] unit", $"unit scale must be a positive number, found {unitScale}");
        if (!File.Exists(path)) throw new InputException(path, null, "mesh file not found");
        var tok = new GmshTokens(path, File.ReadAllLines(path));
        var raw = new GmshRawMesh();
        int version = 0;
        bool haveNodes = false, haveElements = false;
        while (tok.TryNext(out var header))
        {
            if (header != "$MeshFormat" && version == 0)
                throw tok.Error($"expected $MeshFormat at the start of a Gmsh file, found '{header}'");
            switch (header)
            {
                case "$MeshFormat": version = ReadFormat(tok); break;
                case "$PhysicalNames": ReadPhysicalNames(tok, raw); break;
                case "$Entities" when version == 4: GmshSections4.ReadEntities(tok, raw); break;
                case "$Nodes":
                    if (version == 2) GmshSections2.ReadNodes(tok, raw); else GmshSections4.ReadNodes(tok, raw);
                    haveNodes = true;
                    break;
                case "$Elements":
                    if (version == 2) GmshSections2.ReadElements(tok, raw); else GmshSections4.ReadElements(tok, raw);
                    haveElements = true;
                    break;
                default:
                    if (!header.StartsWith('$')) throw tok.Error($"expected a section header such as $Nodes, found '{header}'");
                    tok.SkipSection(header);
                    break;
            }
        }
        if (version == 0) throw tok.Error("empty file, expected $MeshFormat");
        if (!haveNodes) throw tok.Error("missing $Nodes section");
        if (!haveElements) throw tok.Error("missing $Elements section");
        return GmshMeshBuilder.Build(raw, path, unitScale);
    }

    static int ReadFormat(GmshTokens tok)
    {
        string v = tok.Next("format version");
        int fileType = tok.NextInt("file type (0 for ASCII)");
        tok.NextInt("data size");
        if (fileType != 0) throw tok.Error("binary .msh files are not supported; save the mesh as ASCII");
        tok.Expect("$EndMeshFormat");
        return v switch
        {
            "2" or "2.0" or "2.1" or "2.2" => 2,
            "4.1" => 4,
            _ => throw tok.Error($"unsupported format version {v}, expected 2.2 or 4.1"),
        };
    }

    static void ReadPhysicalNames(GmshTokens tok, GmshRawMesh raw)
    {
        int n = tok.NextCount("number of physical names");
        for (int i = 0; i < n; i++)
        {
            int dim = tok.NextInt("physical dimension");
            int tag = tok.NextInt("physical tag");
            string name = tok.Next("quoted physical name");
            if (name.Length < 2 || name[0] != '"' || name[^1] != '"') throw tok.Error($"expected a quoted physical name, found {name}");
            raw.PhysicalNames[(dim, tag)] = name[1..^1];
        }
        tok.Expect("$EndPhysicalNames");
    }
}

/// <summary>What the sections of a .msh file hold before it is turned into a <see cref="Mesh"/>.</summary>
internal sealed class GmshRawMesh
{
    public readonly Dictionary<(int Dim, int Tag), string> PhysicalNames = new();
    /// <summary>Physical tags of entities (format 4 $Entities).</summary>
    public readonly Dictionary<(int Dim, int Tag), int[]> EntityPhysicals = new();
    public readonly Dictionary<long, int> NodeIndex = new();
    public readonly List<Vec2> Nodes = new();
    public readonly List<RawElement> Elements = new();
}

/// <summary>An element as read: Gmsh type, node tags, its entity, its physical tags (format 2 lists
/// the one physical it is written for; format 4 takes the entity's) and its line.</summary>
internal sealed record RawElement(long Tag, int Type, int Dim, long[] NodeTags, int EntityTag, int[] Physicals, int Line);
