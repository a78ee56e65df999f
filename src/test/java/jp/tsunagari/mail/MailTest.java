package jp.tsunagari.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.TestSmtp;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramReview;
import jp.tsunagari.staff.Invitations;
import jp.tsunagari.staff.StaffDirectory;
import jp.tsunagari.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail through a real SMTP server in this JVM (GreenMail): invitations and resets carry a one-time link that works
 * once, for 72 hours; review steps reach the office or the submitter — after the commit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailTest {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.pointAt(smtp, registry);
    }

    static final Pattern LINK = Pattern.compile("http://[^\\s]+/invitations/([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Invitations invitations;

    @Autowired
    ProgramEditor editor;

    @Autowired
    ProgramReview review;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyInbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    static String body(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }

    static String token(MimeMessage message) throws Exception {
        String text = new String(message.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("the mail carries a link").isTrue();
        return m.group(1);
    }

    @Test
    void anInvitedPersonSetsTheirOwnPasswordOnceAndSignsIn() throws Exception {
        MvcResult invited = mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "mail-morioka").param("displayName", "盛岡市担当")
                        .param("email", "morioka@example.lg.jp").param("role", "ORG_EDITOR")
                        .param("organization", "盛岡市"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(invited.getFlashMap().get("message").toString()).contains("morioka@example.lg.jp に招待のメールを送信しました");
        assertThat(invited.getFlashMap().containsKey("invitationLink")).isFalse();
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("morioka@example.lg.jp");
        assertThat(mail.getSubject()).contains("招待").contains("Invitation");
        String token = token(mail);
        assertThat(jdbc.queryForObject("select count(*) from staff_invitation where token_hash = ?", Integer.class,
                sha256(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from staff_invitation where token_hash = ?", Integer.class,
                token)).as("only the hash is stored").isZero();

        String page = mvc.perform(get("/invitations/" + token)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("パスワードの設定").contains("mail-morioka");
        assertThat(jp.tsunagari.web.HtmlChecker.errors(page)).isEmpty();
        String mismatch = mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "morioka password 1")
                        .param("passwordConfirm", "morioka password 2"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(mismatch).contains("確認のパスワードが一致しません").doesNotContain("morioka password")
                .contains("href=\"#passwordConfirm\"");
        assertThat(jp.tsunagari.web.HtmlChecker.errors(mismatch)).isEmpty();
        mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "morioka password 1")
                .param("passwordConfirm", "morioka password 1")).andExpect(redirectedUrl("/login?passwordSet"));
        mvc.perform(formLogin("/login").user("mail-morioka").password("morioka password 1"))
                .andExpect(authenticated().withAuthentication(a -> assertThat(a.getAuthorities())
                        .extracting(GrantedAuthority::getAuthority).contains("ROLE_ORG_EDITOR", "ORG_032018")));
        String gone = mvc.perform(get("/invitations/" + token)).andExpect(status().isGone()).andReturn().getResponse()
                .getContentAsString();
        assertThat(gone).contains("このリンクは使えません");
        assertThat(jp.tsunagari.web.HtmlChecker.errors(gone)).isEmpty();
        mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "another password 1")
                .param("passwordConfirm", "another password 1")).andExpect(status().isGone());
        mvc.perform(formLogin("/login").user("mail-morioka").password("another password 1"))
                .andExpect(unauthenticated());
    }

    @Test
    void settingANewPasswordSignsOutTheOldPasswordsSessions() throws Exception {
        long id = transactions.execute(t -> directory.create("mail-stolen", "盗まれた", "the old password 1",
                StaffRole.EDITOR).id());
        jakarta.servlet.http.Cookie start = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        jakarta.servlet.http.Cookie old = mvc.perform(post("/login").cookie(start).with(csrf())
                        .param("username", "mail-stolen").param("password", "the old password 1"))
                .andExpect(redirectedUrl("/admin")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/admin").cookie(old)).andExpect(status().isOk());
        String link = transactions.execute(t -> invitations.reset(id, "admin")).link();
        String token = link.substring(link.lastIndexOf('/') + 1);
        mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "the new password 1")
                .param("passwordConfirm", "the new password 1")).andExpect(redirectedUrl("/login?passwordSet"));
        mvc.perform(get("/admin").cookie(old).accept("text/html")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void resetLinksExpireAndGuessedOrMalformedLinksAreRefused() throws Exception {
        long id = invitations.invite("mail-reset", "再設定テスト", "reset@example.lg.jp", StaffRole.EDITOR, null,
                "admin").userId();
        mvc.perform(post("/admin/users/" + id + "/password").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage reset = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject() != null && m.getSubject().contains("再設定")) {
                reset = m;
            }
        }
        assertThat(reset).as("the reset mail").isNotNull();
        String token = token(reset);
        mvc.perform(get("/invitations/" + token)).andExpect(status().isOk());
        jdbc.update("update staff_invitation set expires_at = current_timestamp - interval '1' hour where token_hash = ?",
                sha256(token));
        mvc.perform(get("/invitations/" + token)).andExpect(status().isGone());
        String guessed = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        for (String wrong : List.of(guessed, "abc", "x".repeat(43), "x".repeat(44))) {
            mvc.perform(get("/invitations/{t}", wrong)).andExpect(status().isGone());
        }
        mvc.perform(get("/invitations/%00")).andExpect(status().is4xxClientError());
        mvc.perform(get("/invitations/..")).andExpect(status().is4xxClientError());
    }

    @Test
    void reviewStepsReachTheOfficeAndTheSubmitterAfterTheCommit() throws Exception {
        invitations.invite("mail-office", "事務局", "office@example.jp", StaffRole.EDITOR, null, "admin");
        invitations.invite("mail-submitter", "盛岡市担当", "submitter@example.lg.jp", StaffRole.ORG_EDITOR,
                "032018", "admin");
        long id = transactions.execute(t -> editor.create(editor.editable(7).orElseThrow().content()
                .renamed("メール試験便"), false, "mail-submitter"));
        try {
            smtp.purgeEmailFromAllMailboxes();
            transactions.executeWithoutResult(t -> review.submit(id, "032018", "mail-submitter", "確認をお願いします"));
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage submitted = smtp.getReceivedMessages()[0];
            assertThat(Arrays.stream(submitted.getAllRecipients()).map(Object::toString)).contains("office@example.jp")
                    .doesNotContain("submitter@example.lg.jp");
            assertThat(submitted.getSubject()).contains("審査の依頼").contains("メール試験便");
            assertThat(body(submitted)).contains("/admin/reviews/" + id);

            smtp.purgeEmailFromAllMailboxes();
            transactions.executeWithoutResult(t -> review.returnToDraft(id, "mail-office", "写真の説明を足してください"));
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage returned = smtp.getReceivedMessages()[0];
            assertThat(returned.getAllRecipients()).extracting(Object::toString).containsExactly("submitter@example.lg.jp");
            assertThat(returned.getSubject()).contains("差し戻し");
            assertThat(body(returned)).contains("/admin/programs/" + id + "/edit");

            smtp.purgeEmailFromAllMailboxes();
            transactions.executeWithoutResult(t -> review.submit(id, "032018", "mail-submitter", ""));
            long version = editor.editable(id).orElseThrow().version();
            smtp.waitForIncomingEmail(10_000, 1);
            smtp.purgeEmailFromAllMailboxes();
            transactions.executeWithoutResult(t -> review.approve(id, version, "mail-office", "ありがとうございました"));
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("承認・公開");

            smtp.purgeEmailFromAllMailboxes();
            try {
                transactions.executeWithoutResult(t -> {
                    var now = editor.editable(id).orElseThrow();
                    editor.save(id, now.version(), now.content().renamed("メール試験便（取り消し）"), false, "mail-submitter");
                    review.submit(id, "032018", "mail-submitter", "取り消される依頼");
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // a step that does not commit sends nothing
            }
            assertThat(smtp.waitForIncomingEmail(1_500, 1)).as("no mail for a rolled-back step").isFalse();
        } finally {
            transactions.executeWithoutResult(t -> editor.delete(id, editor.editable(id).orElseThrow().version(),
                    "mail-test"));
            forget(id);
        }
    }

    /** Tests share one database: the deleted program's history and comments go too, as if it never existed. */
    void forget(long id) {
        jdbc.update("delete from program_revision where program_id = ?", id);
        jdbc.update("delete from review_comment where program_id = ?", id);
    }

    static String sha256(String token) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
