// Two unit squares side by side; the right one is recombined into quadrilaterals, so the mesh
// mixes triangles and quadrilaterals (second order: tri6 and quad9).
h = 0.34;
Point(1) = {0, 0, 0, h};
Point(2) = {1, 0, 0, h};
Point(3) = {2, 0, 0, h};
Point(4) = {2, 1, 0, h};
Point(5) = {1, 1, 0, h};
Point(6) = {0, 1, 0, h};
Line(1) = {1, 2};
Line(2) = {2, 5};
Line(3) = {5, 6};
Line(4) = {6, 1};
Line(5) = {2, 3};
Line(6) = {3, 4};
Line(7) = {4, 5};
Curve Loop(1) = {1, 2, 3, 4};
Curve Loop(2) = {5, 6, 7, -2};
Plane Surface(1) = {1};
Plane Surface(2) = {2};
Recombine Surface{2};
Physical Surface("triangles") = {1};
Physical Surface("quads") = {2};
Physical Curve("left") = {4};
Physical Curve("right") = {6};
