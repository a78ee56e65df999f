/**
 * Programs side by side ({@code /compare?id=…&id=…}, its CSV {@code /compare.csv}). The comparison itself (which
 * facts, same or different) is catalogue's face ({@link jp.tsunagari.catalogue.Comparisons}); this module reads the
 * request, names the values it cannot use and renders the page and the file.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "opendata", "system"})
package jp.tsunagari.compare;

import org.springframework.modulith.ApplicationModule;
