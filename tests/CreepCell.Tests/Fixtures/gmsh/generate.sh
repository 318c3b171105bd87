#!/bin/sh
# Regenerates the fixture meshes with Gmsh (tested with the Debian package, gmsh 4.8.4).
set -e
cd "$(dirname "$0")"
for v in 2.2 4.1; do
  tag=$(echo $v | tr -d .)
  gmsh -2 -order 1 -format msh$tag square_inclusion.geo -o square_tri3_v$tag.msh
  gmsh -2 -order 2 -format msh$tag square_inclusion.geo -o square_tri6_v$tag.msh
  gmsh -2 -order 1 -setnumber Mesh.RecombineAll 1 -setnumber Mesh.Algorithm 6 -format msh$tag square_inclusion.geo -o square_quad4_v$tag.msh
  gmsh -2 -order 2 -setnumber Mesh.SecondOrderIncomplete 1 -setnumber Mesh.RecombineAll 1 -setnumber Mesh.Algorithm 6 -format msh$tag square_inclusion.geo -o square_quad8_v$tag.msh
  gmsh -2 -order 2 -setnumber Mesh.RecombineAll 1 -setnumber Mesh.Algorithm 6 -format msh$tag square_inclusion.geo -o square_quad9_v$tag.msh
  gmsh -2 -order 1 -format msh$tag l_shape.geo -o l_shape_v$tag.msh
  gmsh -2 -order 2 -format msh$tag no_physical.geo -o no_physical_v$tag.msh
done
for v in 2.2 4.1; do
  tag=$(echo $v | tr -d .)
  gmsh -2 -order 2 -format msh$tag mixed.geo -o mixed_v$tag.msh
done
gmsh -2 -order 1 -setnumber Mesh.SaveParametric 1 -format msh41 square_inclusion.geo -o square_tri3_parametric_v41.msh
