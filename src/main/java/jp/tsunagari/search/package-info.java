/**
 * The Lucene index and the list pages ({@code /programs}). Its face: {@link jp.tsunagari.search.Discovery} (filtered,
 * ranked pages with facet counts), {@link jp.tsunagari.search.DiscoveryFilters}, {@link jp.tsunagari.search.EligibilityLookup},
 * {@link jp.tsunagari.search.Coverage} (the staff overview's counts) and the URL {@link jp.tsunagari.search.Codes}.
 * Everything else (index, analyzers, facets, caches) is package-private; it learns of changes from
 * {@code ChangeMarker.CatalogueChanged} events. A search with text that finds nothing is counted by
 * {@code needs.UnmetNeeds}.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "eligibility", "needs", "place", "system"})
package jp.tsunagari.search;

import org.springframework.modulith.ApplicationModule;
