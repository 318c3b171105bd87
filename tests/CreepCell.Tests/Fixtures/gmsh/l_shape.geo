// L-shaped polygon (area 3) with a triangular inclusion (area 0.125); every region is a polygon,
// so element areas add up exactly. Physical groups are numbered but only some are named.
h = 0.3;
Point(1) = {0, 0, 0, h};
Point(2) = {2, 0, 0, h};
Point(3) = {2, 1, 0, h};
Point(4) = {1, 1, 0, h};
Point(5) = {1, 2, 0, h};
Point(6) = {0, 2, 0, h};
Point(7) = {0.25, 0.25, 0, h};
Point(8) = {0.75, 0.25, 0, h};
Point(9) = {0.25, 0.75, 0, h};
Line(1) = {1, 2};
Line(2) = {2, 3};
Line(3) = {3, 4};
Line(4) = {4, 5};
Line(5) = {5, 6};
Line(6) = {6, 1};
Line(7) = {7, 8};
Line(8) = {8, 9};
Line(9) = {9, 7};
Curve Loop(1) = {1, 2, 3, 4, 5, 6};
Curve Loop(2) = {7, 8, 9};
Plane Surface(1) = {1, 2};
Plane Surface(2) = {2};
Physical Surface("solid") = {1};
Physical Surface(7) = {2};
Physical Curve("outer") = {1, 2, 3, 4, 5, 6};
