/**
 * E-mail alerts (新着のお知らせ): a person subscribes to a /programs query or to the checker's answers, confirms by a
 * link in one mail (double opt-in), and then gets at most one mail per day or week listing the programs newly
 * published or changed that match, until they unsubscribe in one click. Its face is the pages under
 * {@code /alerts} and {@code /privacy}; the digest is a db-scheduler job ({@link jp.tsunagari.alerts.DigestJob}).
 * Only the address, the conditions, the frequency and the language are kept (docs/security.md).
 */
@ApplicationModule(allowedDependencies = {"catalogue", "checker", "eligibility", "place", "search", "system"})
package jp.tsunagari.alerts;

import org.springframework.modulith.ApplicationModule;
