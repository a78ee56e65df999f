/**
 * What every module shares: the layout, error pages, i18n, form constraints ({@link jp.tsunagari.system.Text},
 * {@link jp.tsunagari.system.Choice}, …) and {@link jp.tsunagari.system.FormErrors}, public URLs, the change
 * marker and its events. It depends on no other module; the page cache and formatting helpers are in
 * {@code system.internal}.
 */
@ApplicationModule(allowedDependencies = {})
package jp.tsunagari.system;

import org.springframework.modulith.ApplicationModule;
