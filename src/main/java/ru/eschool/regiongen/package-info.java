/**
 * The region generator for benchmarks: writes a whole region of a chosen size (schools, classes,
 * people with accounts, a year's timetable, marks, attendance and homework) straight into the
 * tables, deterministically from a seed; PostgreSQL gets the rows by COPY, other databases by
 * batched inserts. A command-line tool ({@link ru.eschool.regiongen.RegionGenerator#main}); it
 * uses no other module, and the application never calls it. Its one Spring bean, active only under
 * the profile {@code bench}, counts SQL statements for the benchmark ({@code bench/run}).
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.regiongen;
