/**
 * Limits every layer shares, in one place so they cannot drift apart: the data settings,
 * the file reader, stored and drawn data sets, the class palette and the sphere's region
 * shader all allow the same number of classes.
 */

/** The fewest classes a data set may have: a classifier needs two to tell apart. */
export const MIN_CLASSES = 2;

/**
 * The most classes a data set may have: the class palette has ten distinguishable colours
 * and the sphere's region shader ten weight slots (`#define MAX_CLASSES` in
 * src/lib/viz/shaders/sphereRegions.frag.glsl, checked against this by a unit test).
 */
export const MAX_CLASSES = 10;
