/** The {@code synthetic} profile: generates a national-size catalogue from the seed. No other module uses it. */
@ApplicationModule(allowedDependencies = {"catalogue", "eligibility", "system"})
package jp.tsunagari.synthetic;

import org.springframework.modulith.ApplicationModule;
