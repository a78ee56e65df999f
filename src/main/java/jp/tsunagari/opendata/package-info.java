/**
 * Open data: the JSON API under {@code /api/v1}, {@code /programs.csv} and its JSON twin. Its face is the CSV table
 * layout the admin import and export share ({@link jp.tsunagari.opendata.ProgramTable},
 * {@link jp.tsunagari.opendata.ProgramTableNames}, {@link jp.tsunagari.opendata.Csv}); the API classes are
 * package-private.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "checker", "eligibility", "place", "search", "system"})
package jp.tsunagari.opendata;

import org.springframework.modulith.ApplicationModule;
