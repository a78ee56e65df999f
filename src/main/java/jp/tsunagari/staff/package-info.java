/**
 * Staff accounts (each of one organization: the catalogue office, or a prefecture or municipality), sign-in and
 * security configuration. No other module uses it; the account entity and its
 * repository are in {@code staff.internal}.
 */
@ApplicationModule(allowedDependencies = {"place", "system"})
package jp.tsunagari.staff;

import org.springframework.modulith.ApplicationModule;
