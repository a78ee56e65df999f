/**
 * Mail that really goes out: invitation and reset links, review requests (to the catalogue office), returns and
 * approvals (to the submitter), the re-confirmation cycle's requests (to the maintaining organization's accounts,
 * then the office). Sent by Spring Mail after the transaction commits, only when {@code spring.mail.host}
 * is set; a failure is logged and never undoes the change. Without mail, the links and notices are in the app.
 * No other module uses it: it listens to {@code staff.InvitationIssued}, {@code catalogue.ReviewEvent} and
 * {@code catalogue.ReconfirmationRequest}.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "staff", "system"})
package jp.tsunagari.mail;

import org.springframework.modulith.ApplicationModule;
