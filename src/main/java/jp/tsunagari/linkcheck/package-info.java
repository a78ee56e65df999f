/**
 * Link checks: a background job (off unless {@code catalogue.link-check.enabled}, on under the {@code prod} profile)
 * that requests every official, application and contact address of every program — HEAD, then GET where HEAD is
 * refused, redirects followed by hand, short timeouts, one request at a time with a pause per host — and keeps the
 * last result per program and address. Its face: {@link jp.tsunagari.linkcheck.BrokenLinks} (the broken ones, for a
 * person's scope), {@link jp.tsunagari.linkcheck.LinkCheckJob} (state, and a request to check now) and their values.
 * Everything else is package-private. The programs' addresses come from {@code catalogue.ProgramLinks}.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "system"})
package jp.tsunagari.linkcheck;

import org.springframework.modulith.ApplicationModule;
