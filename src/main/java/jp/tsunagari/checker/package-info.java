/**
 * The eligibility checker ({@code /eligibility}). Its face, also used by the JSON API: the answers as typed
 * ({@link jp.tsunagari.checker.CheckerForm}), {@link jp.tsunagari.checker.ProfileReader} (answers to a profile or field
 * errors) and {@link jp.tsunagari.checker.EligibilityResults} (verdict counts and one page of verdicts with reasons).
 * The page's query, links and model are package-private. An answer with a hometown that finds no 該当 is counted by
 * {@code needs.UnmetNeeds} (the hometown's prefecture only).
 */
@ApplicationModule(allowedDependencies = {"catalogue", "eligibility", "needs", "place", "search", "system"})
package jp.tsunagari.checker;

import org.springframework.modulith.ApplicationModule;
