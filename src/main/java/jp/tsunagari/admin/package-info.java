/**
 * Staff pages under {@code /admin}: editing programs, categories and place names, history, import and export.
 * No other module uses it; everything here is package-private (the form objects bind with Bean Validation).
 */
@ApplicationModule(allowedDependencies = {"catalogue", "eligibility", "opendata", "place", "search", "system"})
package jp.tsunagari.admin;

import org.springframework.modulith.ApplicationModule;
