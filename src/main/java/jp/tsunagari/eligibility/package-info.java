/**
 * The 対象 rules: criteria grouped into target groups, a profile, and the evaluation of one against the other
 * ({@link jp.tsunagari.eligibility.EligibilityChecker}). {@link jp.tsunagari.eligibility.TargetGroup} and
 * {@link jp.tsunagari.eligibility.Criterion} are JPA-mapped but part of the face on purpose: a catalogue program
 * owns its groups ({@code @OneToMany}), and the search index reads them. The evaluator itself is in
 * {@code eligibility.internal}.
 */
@ApplicationModule(allowedDependencies = {"place", "system"})
package jp.tsunagari.eligibility;

import org.springframework.modulith.ApplicationModule;
