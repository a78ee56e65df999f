/**
 * Unmet needs without tracking anyone (issue 29): how often a /programs search with text found nothing, by its
 * normalised text, and how often a checker answer with a hometown found no 該当 program, by the hometown's
 * prefecture — counts per day in Japan, kept 90 days, with nothing about the person. Its face:
 * {@link jp.tsunagari.needs.UnmetNeeds} (count on the request thread; read the counts for the office's overview) and
 * its values. The text rules, the in-memory tally, the flush and the rows are package-private.
 */
@ApplicationModule(allowedDependencies = {"system"})
package jp.tsunagari.needs;

import org.springframework.modulith.ApplicationModule;
