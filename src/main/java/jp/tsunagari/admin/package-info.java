/**
 * Staff pages under {@code /admin}: editing programs, categories and place names, history, import and export,
 * broken links (from module linkcheck), the overview (with the unmet needs of module needs).
 * No other module uses it; everything here is package-private (the form objects bind with Bean Validation).
 */
@ApplicationModule(allowedDependencies = {"catalogue", "eligibility", "linkcheck", "needs", "opendata", "place",
        "search", "system"})
package jp.tsunagari.admin;

import org.springframework.modulith.ApplicationModule;
