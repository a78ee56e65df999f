/**
 * Staff accounts, sign-in and security configuration. No other module uses it; the account entity and its
 * repository are in {@code staff.internal}.
 */
@ApplicationModule(allowedDependencies = "system")
package jp.tsunagari.staff;

import org.springframework.modulith.ApplicationModule;
