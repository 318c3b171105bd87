// Unit square with a centred circular inclusion of radius 0.25.
// Regions: "matrix", "inclusion"; boundaries: left, right, bottom, top, interface.
// Generated meshes: see generate.sh (element order and recombination are set on the command line).
h = 0.2;
Point(1) = {0, 0, 0, h};
Point(2) = {1, 0, 0, h};
Point(3) = {1, 1, 0, h};
Point(4) = {0, 1, 0, h};
Point(5) = {0.5, 0.5, 0, h};
Point(6) = {0.75, 0.5, 0, h};
Point(7) = {0.5, 0.75, 0, h};
Point(8) = {0.25, 0.5, 0, h};
Point(9) = {0.5, 0.25, 0, h};
Line(1) = {1, 2};
Line(2) = {2, 3};
Line(3) = {3, 4};
Line(4) = {4, 1};
Circle(5) = {6, 5, 7};
Circle(6) = {7, 5, 8};
Circle(7) = {8, 5, 9};
Circle(8) = {9, 5, 6};
Curve Loop(1) = {1, 2, 3, 4};
Curve Loop(2) = {5, 6, 7, 8};
Plane Surface(1) = {1, 2};
Plane Surface(2) = {2};
Physical Surface("matrix") = {1};
Physical Surface("inclusion") = {2};
Physical Curve("bottom") = {1};
Physical Curve("right") = {2};
Physical Curve("top") = {3};
Physical Curve("left") = {4};
Physical Curve("interface") = {5, 6, 7, 8};
