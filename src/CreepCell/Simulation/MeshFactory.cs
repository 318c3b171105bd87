using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>Turns the [mesh] part of a case into a mesh: read from Gmsh or generated.</summary>
internal static class MeshFactory
{
    public static Mesh Build(MeshSpec spec)
    {
        if (spec.File is { } file) return GmshReader.Read(file, spec.Unit);
        if (spec.Image is { } image)
            return ImageBodyMesh.Build(CreepCell.Geometry.Imaging.ImageMicrostructure.Build(image), spec.ParticleOptions);
        if (spec.Microstructure is { } micro)
            return ParticleMesh.Build(CreepCell.Geometry.Packing.PackingGenerator.Generate(micro), spec.ParticleOptions).Mesh;
        var g = spec.Generated!;
        var (inclusions, sizes) = Geometry(g);
        return InclusionMesh.Generate(g.Width, g.Height, inclusions, g.Matrix, sizes);
    }

    /// <summary>The inclusions and element sizes of a generated mesh, as the mesher takes them.</summary>
    public static (List<Inclusion> Inclusions, InclusionSizes Sizes) Geometry(GeneratedMesh g) =>
        (g.Inclusions.Select(i => new Inclusion(new Vec2(i.CenterX, i.CenterY), i.A, i.B, i.Angle, i.Phase)).ToList(),
         new InclusionSizes(g.ElementSize, g.InclusionElementSize) { SecondOrder = g.Order == 2 });
}
