package jp.tsunagari.system;

/**
 * Published (as an application event) by a module when what public pages show changed outside a database
 * transaction — the search index switched to a newer snapshot: the page cache forgets its pages. Changes committed
 * to the database are announced by {@link ChangeMarker.CatalogueChanged} instead.
 */
public record ViewsOutdated(String reason) {
}
