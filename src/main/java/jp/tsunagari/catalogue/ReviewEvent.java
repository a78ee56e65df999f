package jp.tsunagari.catalogue;

/**
 * A step of a program's review (published inside the transaction; listen after the commit): SUBMIT (to the catalogue
 * office), RETURN and APPROVE (to the submitter). {@code actor} is who took the step; {@code comment} may be empty.
 */
public record ReviewEvent(ProgramReview.Action action, long programId, String programName, String organizationCode,
                          String submittedBy, String actor, String comment) {
}
