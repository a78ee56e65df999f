/**
 * The catalogue in charts ({@code /statistics}, issue 32): programs by category × region, by prefecture on the tile
 * map, the reach figures (grouped by label, unit and as-of date) and new and changed programs per month, each as
 * server-rendered SVG with a data table and a CSV. The counts come from the search index
 * ({@code search.Discovery}'s facet counts, the top programs by {@code sort=reach}); the months from one aggregate
 * query over the history, counted at start-up and again in the background when the change marker has moved ({@link jp.tsunagari.statistics.MonthlyChanges}). No other module
 * uses it; the chart geometry ({@link jp.tsunagari.statistics.BarChart}) is plain Java.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "opendata", "place", "search", "system"})
package jp.tsunagari.statistics;

import org.springframework.modulith.ApplicationModule;
